/// Bytes on their way to the socket: written at once when the socket has
/// room, the rest kept, in order, until it has room again.
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

    /// Writes `bytes` after anything still waiting.
    mutating func write(_ bytes: [UInt8], to descriptor: Int32) -> Outcome {
        if written < pending.count {
            pending.append(contentsOf: bytes)
            return .blocked
        }
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { POSIXSocket.send(descriptor, UnsafeRawBufferPointer(rebasing: $0[sent...])) }
            if count > 0 {
                sent += count
                continue
            }
            if count < 0, case let code = POSIXSocket.lastError, !POSIXSocket.wouldBlock(code) {
                return .failed(SystemError(code: code).text)
            }
            pending = Array(bytes[sent...])
            written = 0
            return .blocked
        }
        return .drained
    }

    /// Writes what is waiting, as far as the socket takes it.
    mutating func flush(to descriptor: Int32) -> Outcome {
        while written < pending.count {
            let count = pending.withUnsafeBytes {
                POSIXSocket.send(descriptor, UnsafeRawBufferPointer(rebasing: $0[written...]))
            }
            if count > 0 {
                written += count
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
