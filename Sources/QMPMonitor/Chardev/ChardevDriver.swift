/// A backend and its options, as `chardev-add` receives them (the subset
/// of QEMU's `ChardevBackend` this implementation provides).
public enum ChardevDriver: Sendable, Hashable {
    /// Output is discarded; the chardev never opens.
    case null
    /// A ring buffer of `size` bytes (a power of two, or 0; nil: 65536).
    case ringbuf(size: Int? = nil)
    /// A ring buffer as `ringbuf`, under the name `memory` (spec C5).
    case memory(size: Int? = nil)
    /// A unix or TCP socket.
    case socket(ChardevSocketOptions)
    /// The process's standard input and output.
    case stdio
    /// Output written to the file at `output` (created; truncated unless
    /// `append`), input read from the file at `input` when given.
    case file(input: String? = nil, output: String, append: Bool = false)
    /// A new pseudo-terminal; `chardev-add` reports its path.
    case pty

    /// The backend's kind.
    public var kind: ChardevDriverKind {
        switch self {
        case .null: .null
        case .ringbuf: .ringbuf
        case .memory: .memory
        case .socket: .socket
        case .stdio: .stdio
        case .file: .file
        case .pty: .pty
        }
    }
}
