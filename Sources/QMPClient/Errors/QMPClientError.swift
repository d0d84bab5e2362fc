/// A failure on the client's side of a QMP connection: the server's own
/// error answers are `QMPCommandError` instead.
public enum QMPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The socket could not be connected (`endpoint` is `unix:PATH` or
    /// `tcp:HOST:PORT`).
    case connectionFailed(endpoint: String, reason: String)
    /// Connecting did not finish in time; `stage` says what was awaited
    /// (the socket, the greeting, the `qmp_capabilities` reply).
    case connectTimedOut(endpoint: String, stage: String, after: Duration)
    /// The server's first message was not a QMP greeting.
    case badGreeting(String)
    /// `qmp_capabilities` failed.
    case negotiationFailed(String)
    /// The connection ended; every pending call, waiting call and event
    /// stream gets this same error.
    case disconnected(DisconnectReason)
    /// No reply came within the call's timeout. The server may still run
    /// the command.
    case timedOut(command: String, after: Duration)
    /// The awaited event did not come within the timeout.
    case eventTimedOut(event: String, after: Duration)
    /// The calling task was cancelled. The server may still run the
    /// command.
    case cancelled(command: String)
    /// An out-of-band call on a connection that did not negotiate `oob`.
    case outOfBandNotEnabled(command: String)
    /// A file descriptor could not be sent with `command` (nothing was
    /// sent): only unix sockets carry descriptors, and the client sends a
    /// duplicate, which the system may refuse to make.
    case descriptorNotPassed(command: String, reason: String)
    /// An event stream's consumer fell `limit` events behind; the stream
    /// ended (the connection and other streams go on).
    case eventBufferOverflow(limit: Int)
    /// A reply did not decode as the command's result type: `path` is
    /// where (`return.status`), `message` why.
    case decoding(command: String, path: String, message: String)
    /// The server answered in a way QMP does not allow (a reply that is
    /// neither a return nor a well-formed error, say).
    case protocolViolation(String)

    /// One line that says what happened.
    public var description: String {
        switch self {
        case .connectionFailed(let endpoint, let reason):
            return "cannot connect to \(endpoint): \(reason)"
        case .connectTimedOut(let endpoint, let stage, let after):
            return "connecting to \(endpoint) timed out after \(after) waiting for \(stage)"
        case .badGreeting(let reason):
            return "bad QMP greeting: \(reason)"
        case .negotiationFailed(let reason):
            return "QMP capabilities negotiation failed: \(reason)"
        case .disconnected(let reason):
            return "disconnected: \(reason)"
        case .timedOut(let command, let after):
            return "\(command) timed out after \(after) (the server may still run it)"
        case .eventTimedOut(let event, let after):
            return "no \(event) event within \(after)"
        case .cancelled(let command):
            return "\(command) was cancelled (the server may still run it)"
        case .outOfBandNotEnabled(let command):
            return "\(command) cannot run out of band: the connection did not negotiate 'oob'"
        case .descriptorNotPassed(let command, let reason):
            return "\(command): cannot pass a file descriptor: \(reason)"
        case .eventBufferOverflow(let limit):
            return "event stream ended: its consumer fell \(limit) events behind"
        case .decoding(let command, let path, let message):
            return "\(command): cannot decode \(path): \(message)"
        case .protocolViolation(let text):
            return "QMP protocol violation: \(text)"
        }
    }
}
