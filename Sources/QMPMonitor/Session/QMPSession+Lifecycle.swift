import QAPIRuntime

extension QMPSession {
    /// A client connected (spec T7): forget any previous connection, enter
    /// negotiation mode with no capability enabled, and send the greeting
    /// (spec G1–G3).
    public mutating func opened() -> [QMPSessionAction] {
        var actions: [QMPSessionAction] = []
        endConnection(&actions)
        mode = .negotiating
        actions.append(.write(message(greeting)))
        return actions
    }

    /// The client disconnected (spec T7, Q4): queued in-band items are
    /// dropped without response, partial input is forgotten, and input
    /// resumes unless an item dequeued with OOB disabled is still running
    /// (its response, when it comes, is dropped too).
    public mutating func closed() -> [QMPSessionAction] {
        var actions: [QMPSessionAction] = []
        endConnection(&actions)
        return actions
    }

    /// Asks for the connection to close once the response to the request
    /// being served has been written: a monitor removing itself (spec H5).
    /// The `.close` then follows that response's write in
    /// `finishInBand(_:)`. With no request in flight, the connection closes
    /// now. Queued requests are dropped without response either way, and
    /// from this call on input is discarded and events are dropped (the
    /// monitor is gone, spec H4).
    public mutating func closeAfterCurrentResponse() -> [QMPSessionAction] {
        guard mode != .closed else { return [] }
        if inFlight?.isAnswered == true {
            closesAfterResponse = true
            return []
        }
        var actions: [QMPSessionAction] = []
        endConnection(&actions)
        actions.append(.close)
        return actions
    }

    /// Ends the current connection, if any: closed mode, no capability,
    /// empty queue, fresh parser, in-flight response dropped.
    mutating func endConnection(_ actions: inout [QMPSessionAction]) {
        mode = .closed
        isOOBEnabled = false
        closesAfterResponse = false
        queue.removeAll()
        parser.reset()
        inFlight?.isAnswered = false
        updateSuspension(&actions)
    }

    /// Whether the session takes input and events: connected and not
    /// about to close.
    var isLive: Bool { mode != .closed && !closesAfterResponse }

    /// `{"QMP": {"version": VERSION, "capabilities": [...]}}`.
    private var greeting: JSONValue {
        var body = JSONObject()
        body["version"] = configuration.version
        body["capabilities"] = .array(offeredCapabilities.map { .string($0.rawValue) })
        var object = JSONObject()
        object["QMP"] = .object(body)
        return .object(object)
    }
}
