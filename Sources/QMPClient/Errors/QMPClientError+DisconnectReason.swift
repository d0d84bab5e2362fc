extension QMPClientError {
    /// Why a connection ended.
    public enum DisconnectReason: Sendable, Hashable, CustomStringConvertible {
        /// `close()` was called, or the connection was released.
        case closedByClient
        /// The server closed the connection.
        case closedByServer
        /// Reading failed (the text is the system's).
        case readFailed(String)
        /// Writing failed (the text is the system's).
        case writeFailed(String)
        /// A message from the server exceeded `Options.maxMessageBytes`.
        case messageTooLarge(limit: Int)
        /// The server sent something that is not QMP (text that is not
        /// JSON, say).
        case protocolViolation(String)

        /// One line that says why.
        public var description: String {
            switch self {
            case .closedByClient: return "the connection was closed by the client"
            case .closedByServer: return "the server closed the connection"
            case .readFailed(let reason): return "reading failed: \(reason)"
            case .writeFailed(let reason): return "writing failed: \(reason)"
            case .messageTooLarge(let limit): return "a message from the server exceeded the limit of \(limit) bytes"
            case .protocolViolation(let reason): return "protocol violation: \(reason)"
            }
        }
    }
}
