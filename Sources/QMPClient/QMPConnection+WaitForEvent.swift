import QAPIRuntime

extension QMPConnection {
    /// Runs `command`, then waits for the first `event` that `predicate`
    /// accepts: for commands whose work ends later, with an event ("done
    /// means done"). The subscription starts before the request is sent,
    /// so an event that arrives before the reply counts.
    ///
    /// `timeout` (else `options.defaultTimeout`) covers the call and the
    /// wait together; `QMPClientError.eventTimedOut` says the reply came
    /// but the event did not. Errors are otherwise those of
    /// `execute(_:_:timeout:)`.
    public func execute<Command: QMPCommandDescriptor, Event: QMPEvent & QAPIDecodable>(
        _ command: Command.Type, _ arguments: Command.Arguments,
        thenWaitFor event: Event.Type, where predicate: @escaping @Sendable (Event) -> Bool = { _ in true },
        timeout: Duration? = nil
    ) async throws -> (Command.Result, Event) {
        let started = ContinuousClock.now
        let limit = timeout ?? options.defaultTimeout
        let found = OneShot<Event>()
        let driftHandler = options.driftHandler
        let token = core.subscribe(
            deliver: { message in
                guard message.name == Event.name,
                    let decoded = message.decodeData(
                        as: Event.self,
                        options: DriftReporting.options(origin: message.name, root: "data", handler: driftHandler)),
                    predicate(decoded)
                else { return true }
                found.settle(.success(decoded))
                return false
            },
            end: { error in found.settle(.failure(error ?? QMPClientError.disconnected(.closedByClient))) })
        defer { if let token { core.unsubscribe(token) } }
        let result = try await execute(command, arguments, timeout: limit)
        let matched = try await core.wait(
            for: found, timeout: limit.map { $0 - (ContinuousClock.now - started) },
            timedOut: { _ in .eventTimedOut(event: Event.name, after: limit ?? .zero) },
            cancelled: .cancelled(command: Command.name))
        return (result, matched)
    }

    /// Runs `command`, which takes no arguments, then waits for `event`;
    /// see `execute(_:_:thenWaitFor:where:timeout:)`.
    public func execute<Command: QMPCommandDescriptor, Event: QMPEvent & QAPIDecodable>(
        _ command: Command.Type,
        thenWaitFor event: Event.Type, where predicate: @escaping @Sendable (Event) -> Bool = { _ in true },
        timeout: Duration? = nil
    ) async throws -> (Command.Result, Event) where Command.Arguments == QAPIEmpty {
        try await execute(command, QAPIEmpty(), thenWaitFor: event, where: predicate, timeout: timeout)
    }
}
