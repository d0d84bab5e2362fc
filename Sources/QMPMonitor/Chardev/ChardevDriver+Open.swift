import Dispatch

extension ChardevDriver {
    /// Opens this backend as chardev `id`, its sources on `queue`; throws
    /// the backend's own text (without `chardev-add`'s prefix).
    func open(id: String, queue: DispatchQueue) throws(ChardevError) -> any Chardev {
        switch self {
        case .null:
            return NullChardev(id: id)
        case .ringbuf(let size):
            return try RingbufChardev(id: id, size: size, kind: .ringbuf, queue: queue)
        case .memory(let size):
            return try RingbufChardev(id: id, size: size, kind: .memory, queue: queue)
        case .socket(let options):
            return try SocketChardev.open(id: id, options: options, queue: queue)
        case .stdio:
            return try DescriptorChardev.openProcessStdio(id: id, queue: queue)
        case .file(let input, let output, let append):
            return try DescriptorChardev.openFile(id: id, input: input, output: output, append: append, queue: queue)
        case .pty:
            return try DescriptorChardev.openPty(id: id, queue: queue).chardev
        }
    }
}
