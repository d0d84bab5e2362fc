import QAPIRuntime

/// What a `QMPSession` asks its owner to do. Every session method returns
/// its actions in the order they must be carried out; writes keep the
/// order in which they were returned across calls.
public enum QMPSessionAction: Sendable, Hashable {
    /// Send these bytes to the client: one complete message (greeting,
    /// response or event) with its CRLF.
    case write([UInt8])
    /// Run this `exec-oob` request now, on the I/O side, with
    /// `QMPCommandRegistry.dispatchOutOfBand(_:policy:)`, and hand the
    /// response to `QMPSession.finishOutOfBand(_:)` (spec O2, O3).
    case runOutOfBand(QMPRequest)
    /// Run this in-band request on the dispatcher with
    /// `QMPCommandRegistry.dispatch(_:policy:)`, and hand the response to
    /// `QMPSession.finishInBand(_:)`. Events emitted while it runs go to
    /// `QMPSession.event(_:)` before that (spec E3).
    case runInBand(QMPRequest)
    /// An item was queued in-band: the dispatcher has work on this session
    /// (one action per queued item).
    case requestReady
    /// Stop reading from the client (spec Q1, Q2).
    case suspend
    /// Read from the client again, starting with any bytes `receive`
    /// left unconsumed.
    case resume
    /// Close the connection once every write returned before this action
    /// has been flushed (spec H5). Always the last action of its list.
    case close
}
