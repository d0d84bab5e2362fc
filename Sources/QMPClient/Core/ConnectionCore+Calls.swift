import QAPIRuntime

extension ConnectionCore {
    /// Sends `command` (with `descriptor`, when given) and waits for its
    /// reply object (`return` or `error`). Throws `QMPClientError` for
    /// everything but the server's answer: disconnection, timeout,
    /// cancellation, OOB not enabled.
    func perform(
        _ command: String, arguments: JSONObject, outOfBand: Bool, timeout: Duration?,
        passing descriptor: PassedDescriptor? = nil
    ) async throws -> JSONObject {
        if Task.isCancelled { throw QMPClientError.cancelled(command: command) }
        let body = RequestEncoder.body(command: command, arguments: arguments, outOfBand: outOfBand)
        let call = Call(command: command, body: body, isOutOfBand: outOfBand, descriptor: descriptor)
        try submit(call)
        return try await wait(
            for: call.reply, timeout: timeout,
            timedOut: { .timedOut(command: command, after: $0) },
            cancelled: .cancelled(command: command),
            onGiveUp: { [self] in abandon(call) })
    }

    /// Waits for `result`, settling it with `timedOut(timeout)` when the
    /// timeout passes first and with `cancelled` when the task is
    /// cancelled first; `onGiveUp` runs after either.
    func wait<Value>(
        for result: OneShot<Value>, timeout: Duration?,
        timedOut: @escaping @Sendable (Duration) -> QMPClientError, cancelled: QMPClientError,
        onGiveUp: @escaping @Sendable () -> Void = {}
    ) async throws -> Value {
        let giveUp: @Sendable (QMPClientError) -> Void = { error in
            if result.settle(.failure(error)) { onGiveUp() }
        }
        let token = timeout.map { timeout in timer.schedule(after: timeout) { giveUp(timedOut(timeout)) } }
        defer { if let token { timer.cancel(token) } }
        return try await result.value(onCancel: { giveUp(cancelled) })
    }

    /// Puts `call` on the wire, or in line for a slot.
    private func submit(_ call: Call) throws(QMPClientError) {
        let outcome: (error: QMPClientError?, ending: ConnectionEnding?) = state.withLock { state in
            if let reason = state.endReason { return (.disconnected(reason), nil) }
            if call.isOutOfBand && !state.isOutOfBandEnabled {
                return (.outOfBandNotEnabled(command: call.command), nil)
            }
            guard let id = state.calls.admit(call) else { return (nil, nil) }
            return (nil, send(call, id: id, &state))
        }
        if let ending = outcome.ending { carryOut(ending) }
        if let error = outcome.error { throw error }
    }

    /// Takes `call` out (it timed out or was cancelled); its slot goes to
    /// the next waiting call at once.
    private func abandon(_ call: Call) {
        let ending = state.withLock { (state: inout ConnectionState) -> ConnectionEnding? in
            state.calls.remove(call)
            return sendPromoted(&state)
        }
        if let ending { carryOut(ending) }
    }

    /// Sends the waiting calls that free slots admit; the ending when a
    /// write failed.
    func sendPromoted(_ state: inout ConnectionState) -> ConnectionEnding? {
        for (call, id) in state.calls.promote() {
            if let ending = send(call, id: id, &state) { return ending }
        }
        return nil
    }

    /// Writes `call` with `id`; the ending when the write failed.
    private func send(_ call: Call, id: Int64, _ state: inout ConnectionState) -> ConnectionEnding? {
        let message = RequestEncoder.message(id: id, body: call.body)
        switch state.output.write(message, attaching: call.descriptor, to: channel.descriptor) {
        case .drained:
            return nil
        case .blocked:
            channel.watchWritability(true)
            return nil
        case .failed(let text):
            return self.ending(because: .writeFailed(text), &state)
        }
    }

    /// Writes waiting output once the socket has room (on the channel's
    /// queue).
    func flushOutput() {
        let ending = state.withLock { (state: inout ConnectionState) -> ConnectionEnding? in
            guard state.endReason == nil else { return nil }
            switch state.output.flush(to: channel.descriptor) {
            case .drained:
                channel.watchWritability(false)
                return nil
            case .blocked:
                return nil
            case .failed(let text):
                return self.ending(because: .writeFailed(text), &state)
            }
        }
        if let ending { carryOut(ending) }
    }
}
