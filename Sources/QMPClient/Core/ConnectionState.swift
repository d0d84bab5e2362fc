import QAPIRuntime

/// What changes in one connection, behind its lock.
struct ConnectionState {
    /// The calls on the wire and waiting.
    var calls: CallTable
    /// Who receives events.
    var subscribers = EventSubscribers()
    /// Request bytes the socket did not take yet.
    var output = OutputBuffer()
    /// Why the connection ended; nil while it is open.
    var endReason: QMPClientError.DisconnectReason?
    /// Whether `exec-oob` may be sent.
    var isOutOfBandEnabled = false
    /// Whether the first message that is not an event (the greeting) came.
    var greetingArrived = false
    /// Counts for tests and diagnostics.
    var statistics = QMPConnection.Statistics()
    /// Events kept for the first event stream, from the start of the
    /// connection until that stream is made; nil once it is.
    var backlog: [QMPEventMessage]? = []
    /// The streams whose full buffers hold up reading.
    var fullStreams: Set<UInt64> = []
    /// The stall timer's token while reading is held up.
    var stallTimer: UInt64?

    /// The state of a new connection letting `maxInFlight` in-band calls
    /// on the wire.
    init(maxInFlight: Int) {
        calls = CallTable(limit: maxInFlight)
    }
}

/// What the end of a connection must settle, taken from the state under
/// its lock and carried out after: everyone who waits learns why.
struct ConnectionEnding {
    /// Why the connection ended.
    let reason: QMPClientError.DisconnectReason
    /// The calls on the wire and waiting.
    let calls: [Call]
    /// The event subscribers.
    let subscribers: [EventSubscriber]
}
