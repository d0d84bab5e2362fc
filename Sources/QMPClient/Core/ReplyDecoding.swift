import QAPIRuntime

/// What a reply means for the caller: its `return` value decoded, or the
/// server's error thrown.
enum ReplyDecoding {
    /// The `return` value of `command`'s reply; throws `QMPCommandError`
    /// for an error reply.
    static func returnValue(of command: String, from reply: JSONObject) throws -> JSONValue {
        if let value = reply["return"] { return value }
        guard let error = reply["error"], let qmpError = QMPError(json: error) else {
            throw QMPClientError.protocolViolation(
                "\(command): the reply is neither a return nor an error with a class and a description: \(JSONValue.object(reply))"
            )
        }
        throw QMPCommandError(command: command, error: qmpError)
    }

    /// The `return` value decoded as `Result`, tolerantly; a failure names
    /// the command and the member path (`return.status`).
    static func decode<Result: QAPIDecodable>(
        _ type: Result.Type, of command: String, from reply: JSONObject,
        driftHandler: (@Sendable (QAPIDrift) -> Void)?
    ) throws -> Result {
        let value = try returnValue(of: command, from: reply)
        let options = DriftReporting.options(origin: command, root: "return", handler: driftHandler)
        do {
            return try QAPIDecoder.decode(Result.self, from: value, options: options)
        } catch {
            throw QMPClientError.decoding(
                command: command, path: DriftReporting.path(error.path, under: "return"), message: error.qmpError.desc)
        }
    }
}
