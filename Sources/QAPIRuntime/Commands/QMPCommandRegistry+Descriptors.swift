extension QMPCommandRegistry {
    /// Registers in-band command `command`, run by `handler`: the
    /// arguments are decoded strictly, with QEMU's errors (spec A), the
    /// result is encoded in schema order. An error the handler throws is
    /// sent as it is when it is a `QMPError`, as a `GenericError` with
    /// its description otherwise.
    public mutating func register<Command: QMPInBandCommand>(
        _ command: Command.Type,
        _ handler: @escaping @Sendable (Command.Arguments) async throws -> Command.Result
    ) {
        register(
            QMPCommand(
                name: Command.name, flags: Command.flags, features: Command.features, schema: Command.schema,
                body: .inBand { (object: JSONObject, policy: QAPICompatPolicy) async throws(QMPError) -> JSONValue in
                    let arguments = try QAPIDecoder.decode(
                        Command.Arguments.self, from: .object(object), policy: policy)
                    do {
                        return try await handler(arguments).qapiEncoded()
                    } catch {
                        throw QMPError(handlerError: error)
                    }
                }))
    }

    /// Registers `allow-oob` command `command`, run by `handler` at once
    /// on the server's I/O side, in band or out of band (spec O2, O3); the
    /// rest as for in-band commands.
    public mutating func register<Command: QMPOutOfBandCommand>(
        _ command: Command.Type,
        _ handler: @escaping @Sendable (Command.Arguments) throws -> Command.Result
    ) {
        register(
            QMPCommand(
                name: Command.name, flags: Command.flags.union(.allowOOB), features: Command.features,
                schema: Command.schema,
                body: .outOfBand { (object: JSONObject, policy: QAPICompatPolicy) throws(QMPError) -> JSONValue in
                    let arguments = try QAPIDecoder.decode(
                        Command.Arguments.self, from: .object(object), policy: policy)
                    do {
                        return try handler(arguments).qapiEncoded()
                    } catch {
                        throw QMPError(handlerError: error)
                    }
                }))
    }
}
