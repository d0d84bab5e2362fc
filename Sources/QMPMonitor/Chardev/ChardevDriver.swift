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

    /// The backend's kind.
    public var kind: ChardevDriverKind {
        switch self {
        case .null: .null
        case .ringbuf: .ringbuf
        case .memory: .memory
        case .socket: .socket
        case .stdio: .stdio
        }
    }
}
