import QAPIRuntime

extension ConnectionCore {
    /// What one read hands out, in arrival order, after the lock is
    /// released.
    private enum Delivery {
        case greeting(JSONValue)
        case reply(Call, JSONObject)
        case event(QMPEventMessage, [EventSubscriber])
    }

    /// Reads what the socket has and routes the messages it completes (on
    /// the channel's queue).
    ///
    /// Reads until the socket says "try again": Dispatch may not report
    /// input again that was ready when it last reported (an end of input
    /// that came with the last bytes, say). After `maxReadsPerTurn` reads
    /// it queues another turn, so that a flooding server does not hold the
    /// queue.
    func readAvailable() {
        // The socket is closed on this queue, only after the connection
        // ended: once it ended, nothing may touch the descriptor.
        // While a full event stream holds up reading, input waits in the
        // socket (and the server's writes block, as QEMU's do).
        guard state.withLock({ $0.endReason == nil && $0.fullStreams.isEmpty }) else { return }
        var values: [JSONValue] = []
        var failure: QMPClientError.DisconnectReason?
        var drained = false
        inbound.withLock { inbound in
            let buffer = inbound.buffer
            for _ in 0..<Self.maxReadsPerTurn {
                let count = POSIXSocket.receive(channel.descriptor, into: buffer)
                if count == 0 {
                    failure = .closedByServer
                } else if count < 0 {
                    let code = POSIXSocket.lastError
                    if !POSIXSocket.wouldBlock(code) { failure = .readFailed(SystemError(code: code).text) }
                    drained = true
                    return
                } else {
                    _ = inbound.parser.consume(UnsafeRawBufferPointer(rebasing: buffer[..<count])) { output in
                        switch output {
                        case .success(let value):
                            if failure == nil { values.append(value) }
                        case .failure(let error):
                            if failure == nil { failure = reason(for: error) }
                        }
                    }
                }
                if failure != nil { return }
            }
        }
        route(values, then: failure)
        if !drained && failure == nil && !isReadingHeld {
            channel.queue.async { [self] in readAvailable() }
        }
    }

    /// How many reads one turn makes at most.
    private static let maxReadsPerTurn = 16

    /// Why a JSON error from the server ends the connection.
    private func reason(for error: JSONParseError) -> QMPClientError.DisconnectReason {
        if error.stage == .limit && error.message == "JSON token size limit exceeded" {
            return .messageTooLarge(limit: maxMessageBytes)
        }
        return .protocolViolation("the server sent invalid JSON (\(error.message))")
    }

    /// Hands `values` to whoever waits for them, in order, then ends the
    /// connection if `failure` says so.
    private func route(_ values: [JSONValue], then failure: QMPClientError.DisconnectReason?) {
        var deliveries: [Delivery] = []
        let ending = state.withLock { (state: inout ConnectionState) -> ConnectionEnding? in
            guard state.endReason == nil else { return nil }
            for value in values {
                let message = InboundMessage(value)
                if case .event(let event) = message {
                    state.statistics.eventsReceived += 1
                    if let kept = state.backlog?.count, kept < eventBufferLimit { state.backlog?.append(event) }
                    if !state.subscribers.all.isEmpty { deliveries.append(.event(event, state.subscribers.all)) }
                    continue
                }
                guard state.greetingArrived else {
                    state.greetingArrived = true
                    deliveries.append(.greeting(value))
                    continue
                }
                guard case .reply(let id, let reply) = message else {
                    state.statistics.messagesIgnored += 1
                    continue
                }
                state.statistics.repliesReceived += 1
                guard let id, let call = state.calls.take(id: id) else {
                    state.statistics.repliesDropped += 1
                    continue
                }
                deliveries.append(.reply(call, reply))
                if let ending = sendPromoted(&state) { return ending }
            }
            return failure.flatMap { self.ending(because: $0, &state) }
        }
        var late = 0
        var full: [UInt64] = []
        for delivery in deliveries {
            switch delivery {
            case .greeting(let value):
                greeting.settle(.success(value))
            case .reply(let call, let reply):
                if !call.reply.settle(.success(reply)) { late += 1 }
            case .event(let event, let subscribers):
                for subscriber in subscribers {
                    switch subscriber.deliver(event) {
                    case .taken: break
                    case .full: full.append(subscriber.token)
                    case .unsubscribe: unsubscribe(subscriber.token)
                    }
                }
            }
        }
        if late > 0 { state.withLock { $0.statistics.repliesDropped += late } }
        if !full.isEmpty { holdReading(for: full) }
        if let ending { carryOut(ending) }
    }
}
