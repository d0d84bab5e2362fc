/// Bytes on their way to the socket: written at once when the socket has
/// room, the rest kept, in order, until it has room again. A file
/// descriptor attached to a message goes with the message's first byte
/// (SCM_RIGHTS), in a write of its own that stops before the next
/// attached descriptor's message.
struct OutputBuffer {
    /// How a write went.
    enum Outcome {
        /// Everything is written.
        case drained
        /// Some bytes wait for the socket to have room.
        case blocked
        /// The socket failed; the text is the system's.
        case failed(String)
    }

    private var pending: [UInt8] = []
    /// How much of `pending` is written already.
    private var written = 0
    /// The descriptors still to send, each with the offset in `pending`
    /// of the byte it goes with, in order.
    private var attachments: [(offset: Int, descriptor: PassedDescriptor)] = []

    /// Writes `bytes` after anything still waiting, with `descriptor`
    /// attached to their first byte when given.
    mutating func write(_ bytes: [UInt8], attaching descriptor: PassedDescriptor? = nil, to socket: Int32) -> Outcome {
        if let descriptor { attachments.append((pending.count, descriptor)) }
        if written < pending.count {
            pending.append(contentsOf: bytes)
            return .blocked
        }
        pending = bytes
        written = 0
        return flush(to: socket)
    }

    /// Writes what is waiting, as far as the socket takes it.
    mutating func flush(to socket: Int32) -> Outcome {
        while written < pending.count {
            let attached = attachments.first.flatMap { $0.offset == written ? $0.descriptor : nil }
            let end = attachments.first { $0.offset > written }?.offset ?? pending.count
            let count = pending.withUnsafeBytes { bytes in
                let slice = UnsafeRawBufferPointer(rebasing: bytes[written..<end])
                return attached.map { POSIXSocket.send(socket, slice, passing: $0.descriptor) }
                    ?? POSIXSocket.send(socket, slice)
            }
            if count > 0 {
                written += count
                if attached != nil { attachments.removeFirst() }
                continue
            }
            if count < 0, case let code = POSIXSocket.lastError, !POSIXSocket.wouldBlock(code) {
                return .failed(SystemError(code: code).text)
            }
            return .blocked
        }
        pending = []
        written = 0
        return .drained
    }
}
