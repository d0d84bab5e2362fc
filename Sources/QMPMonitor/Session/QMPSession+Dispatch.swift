import QAPIRuntime

extension QMPSession {
    /// Takes the next in-band item off the queue, for the dispatcher; no
    /// action when the queue is empty. Must not be called while an item
    /// is in flight (`isServing`).
    ///
    /// A full queue resumes input first (spec Q2). The session answers
    /// parse errors, request-shape errors (R1–R4) and, in negotiation
    /// mode, every request itself, and finishes the item here. Otherwise
    /// the last action is `.runInBand`, and the item stays in flight until
    /// `finishInBand(_:)`.
    public mutating func dequeue() -> [QMPSessionAction] {
        precondition(inFlight == nil, "dequeue() while a request is in flight")
        guard !queue.isEmpty else { return [] }
        var actions: [QMPSessionAction] = []
        let item = queue.removeFirst()
        inFlight = InFlight(holdsSuspension: !isOOBEnabled)
        updateSuspension(&actions)
        switch item {
        case .parseError(let error):
            finish(QMPResponse(id: nil, result: .failure(.generic(error.message))), &actions)
        case .message(let value):
            do {
                let request = try QMPRequest(value, oobEnabled: isOOBEnabled)
                if mode == .negotiating {
                    finish(negotiate(request), &actions)
                } else {
                    actions.append(.runInBand(request))
                }
            } catch {
                finish(error.response, &actions)
            }
        }
        return actions
    }

    /// The response to the `.runInBand` request, nil for none (spec R10):
    /// writes it, unless its connection has ended, then resumes input if
    /// the request held it (spec Q1) and closes if that was asked for
    /// (spec H5).
    public mutating func finishInBand(_ response: QMPResponse?) -> [QMPSessionAction] {
        precondition(inFlight != nil, "finishInBand(_:) without a request in flight")
        var actions: [QMPSessionAction] = []
        finish(response, &actions)
        return actions
    }

    private mutating func finish(_ response: QMPResponse?, _ actions: inout [QMPSessionAction]) {
        guard let served = inFlight else { return }
        inFlight = nil
        if served.isAnswered, let response {
            actions.append(.write(message(response)))
        }
        updateSuspension(&actions)
        if closesAfterResponse {
            endConnection(&actions)
            actions.append(.close)
        }
    }
}
