import QAPIRuntime

extension QMPConnection {
    /// Runs `command` with `arguments` and returns its decoded result.
    ///
    /// The result is decoded tolerantly: members this build does not know
    /// are skipped, unknown enum values kept as `unknown`, and both
    /// reported to `options.driftHandler`. Throws `QMPCommandError` when
    /// the server answers with an error, `QMPClientError.decoding` when
    /// the result lacks what the type needs, and `QMPClientError` for
    /// disconnection, timeout and cancellation.
    ///
    /// `timeout` (else `options.defaultTimeout`) counts from the call,
    /// time waiting for a slot included. A call that times out or is
    /// cancelled frees its slot at once and its late reply is dropped,
    /// but the server still runs the command: QMP cannot take a request
    /// back.
    public func execute<Command: QMPCommandDescriptor>(
        _ command: Command.Type, _ arguments: Command.Arguments, timeout: Duration? = nil
    ) async throws -> Command.Result {
        let reply = try await core.perform(
            Command.name, arguments: arguments.qapiEncoded().objectValue ?? JSONObject(), outOfBand: false,
            timeout: timeout ?? options.defaultTimeout)
        return try ReplyDecoding.decode(
            Command.Result.self, of: Command.name, from: reply, driftHandler: options.driftHandler)
    }

    /// Runs `command`, which takes no arguments; see
    /// `execute(_:_:timeout:)`.
    public func execute<Command: QMPCommandDescriptor>(
        _ command: Command.Type, timeout: Duration? = nil
    ) async throws -> Command.Result where Command.Arguments == QAPIEmpty {
        try await execute(command, QAPIEmpty(), timeout: timeout)
    }

    /// Runs the command named `name` with `arguments`, untyped: returns
    /// the `return` value as the server sent it. Errors, timeouts and
    /// cancellation are as for the typed `execute(_:_:timeout:)`.
    public func execute(_ name: String, arguments: JSONObject = [:], timeout: Duration? = nil) async throws -> JSONValue
    {
        let reply = try await core.perform(
            name, arguments: arguments, outOfBand: false, timeout: timeout ?? options.defaultTimeout)
        return try ReplyDecoding.returnValue(of: name, from: reply)
    }
}
