import QAPIRuntime

extension QMPConnection {
    /// Out-of-band execution: requests sent with `exec-oob`, which the
    /// server runs at once, even while in-band commands are queued or
    /// running (spec O2–O4).
    public var outOfBand: OutOfBand {
        OutOfBand(connection: self)
    }

    /// Runs `allow-oob` commands out of band. They do not count against
    /// `Options.maxInFlight`. On a connection that did not negotiate
    /// `oob`, every call fails with `QMPClientError.outOfBandNotEnabled`
    /// without sending anything.
    public struct OutOfBand: Sendable {
        /// The connection the commands go to.
        public let connection: QMPConnection

        /// Runs `command` out of band with `arguments`; otherwise like
        /// `QMPConnection.execute(_:_:timeout:)`.
        public func execute<Command: QMPOutOfBandCommand>(
            _ command: Command.Type, _ arguments: Command.Arguments, timeout: Duration? = nil
        ) async throws -> Command.Result {
            let reply = try await connection.core.perform(
                Command.name, arguments: arguments.qapiEncoded().objectValue ?? JSONObject(), outOfBand: true,
                timeout: timeout ?? connection.options.defaultTimeout)
            return try ReplyDecoding.decode(
                Command.Result.self, of: Command.name, from: reply, driftHandler: connection.options.driftHandler)
        }

        /// Runs `command`, which takes no arguments, out of band.
        public func execute<Command: QMPOutOfBandCommand>(
            _ command: Command.Type, timeout: Duration? = nil
        ) async throws -> Command.Result where Command.Arguments == QAPIEmpty {
            try await execute(command, QAPIEmpty(), timeout: timeout)
        }

        /// Runs the command named `name` out of band, untyped: returns the
        /// `return` value as the server sent it.
        public func execute(
            _ name: String, arguments: JSONObject = [:], timeout: Duration? = nil
        ) async throws -> JSONValue {
            let reply = try await connection.core.perform(
                name, arguments: arguments, outOfBand: true, timeout: timeout ?? connection.options.defaultTimeout)
            return try ReplyDecoding.returnValue(of: name, from: reply)
        }
    }
}
