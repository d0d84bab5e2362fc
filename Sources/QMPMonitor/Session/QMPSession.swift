import QAPIRuntime

/// One QMP monitor's protocol state, as a state machine without I/O: it
/// takes inputs (connection events, bytes, command results, events) and
/// returns `QMPSessionAction`s that its owner carries out in order.
///
/// Life of a connection (spec T7): `opened()` writes the greeting and
/// enters negotiation mode; a successful `qmp_capabilities` enters
/// command mode; `closed()` (or a `.close` action) ends it.
///
/// Input (spec T6, J, O2, Q1, Q2): `receive(_:)` parses bytes. A message
/// classified out-of-band comes back at once as `.runOutOfBand`; every
/// other message, and every parse error, joins the in-band queue. While
/// the session is suspended it consumes no bytes; the owner keeps the
/// rest and feeds it again after `.resume`.
///
/// The dispatcher, shared by all sessions and serving them round robin
/// (spec Q3), calls `dequeue()` on a session with queued items. Items the
/// session answers itself (parse errors, request-shape errors, everything
/// in negotiation mode) are answered inside `dequeue()`; anything else is
/// returned as `.runInBand`, and the dispatcher reports the response with
/// `finishInBand(_:)`. At most one item per session is in flight.
///
/// `qmp_capabilities` belongs to the session in negotiation mode, where
/// it is the only command (spec N1, N3, N4), because it changes the
/// session's state. In command mode requests for it go to the registry
/// like any other, where `capabilitiesCommand` validates the arguments
/// and refuses (spec N5); register it there.
///
/// The session is a value with no locking: its owner serialises calls.
public struct QMPSession: Sendable {
    /// Where the connection is in its life.
    public enum Mode: Sendable, Hashable {
        /// No client: before `opened()`, after `closed()` or once `.close`
        /// was returned. Input is discarded, events are dropped.
        case closed
        /// Capabilities negotiation: only `qmp_capabilities` exists
        /// (spec N1); events are dropped (spec N6).
        case negotiating
        /// Command mode: requests go to the dispatcher.
        case commandMode
    }

    /// How many in-band items a session with OOB enabled queues before it
    /// suspends (QEMU's `QMP_REQ_QUEUE_LEN_MAX`, spec Q2).
    public static let requestQueueLimit = 8

    /// The monitor's settings.
    public let configuration: Configuration
    /// The current mode.
    public internal(set) var mode: Mode = .closed
    /// Whether the client enabled the `oob` capability on this connection
    /// (spec O1).
    public internal(set) var isOOBEnabled = false
    /// Whether input is suspended (spec Q1, Q2); `receive` consumes
    /// nothing meanwhile.
    public internal(set) var isSuspended = false

    /// The streaming JSON parser for this connection's input.
    var parser = JSONStreamParser()
    /// In-band items waiting for the dispatcher, oldest first.
    var queue: [QueuedItem] = []
    /// The item taken by `dequeue()` and not finished yet.
    var inFlight: InFlight?
    /// Whether the connection closes once the in-flight response is out.
    var closesAfterResponse = false

    /// A session for a monitor; it stays closed until `opened()`.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The capabilities the greeting offers (spec G2).
    public var offeredCapabilities: [Capability] {
        configuration.usesIOThread ? [.oob] : []
    }

    /// How many in-band items wait for the dispatcher.
    public var queuedRequestCount: Int { queue.count }

    /// Whether an item taken by `dequeue()` awaits `finishInBand(_:)`.
    public var isServing: Bool { inFlight != nil }
}

extension QMPSession {
    /// An in-band queue entry: a message or a parse error, which keeps its
    /// place among the requests (spec J10).
    enum QueuedItem: Sendable {
        case message(JSONValue)
        case parseError(JSONParseError)
    }

    /// The item being served.
    struct InFlight: Sendable {
        /// Dequeued with OOB disabled: input stays suspended until it is
        /// finished (spec Q1).
        var holdsSuspension: Bool
        /// Whether its response goes out: false once its connection ended.
        var isAnswered = true
    }

    /// Recomputes suspension from the queue and the in-flight item, and
    /// reports a change. With OOB disabled, one queued or running item
    /// suspends (Q1); with OOB enabled, a full queue does (Q2).
    mutating func updateSuspension(_ actions: inout [QMPSessionAction]) {
        let suspended =
            (inFlight?.holdsSuspension ?? false)
            || (!queue.isEmpty && !isOOBEnabled)
            || queue.count >= Self.requestQueueLimit
        guard suspended != isSuspended else { return }
        isSuspended = suspended
        actions.append(suspended ? .suspend : .resume)
    }
}
