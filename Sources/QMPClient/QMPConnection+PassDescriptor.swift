import QAPIRuntime

extension QMPConnection {
    /// Runs `command` with `arguments`, sending the open file descriptor
    /// `descriptor` with the request (SCM_RIGHTS): for `getfd`, `add-fd`
    /// and the other commands that take a descriptor passed this way. The
    /// connection sends a duplicate of its own, so `descriptor` stays the
    /// caller's, who may close it at any time. Only unix sockets carry
    /// descriptors; otherwise, and when the duplicate cannot be made,
    /// throws `QMPClientError.descriptorNotPassed` without sending
    /// anything. Otherwise like `execute(_:_:timeout:)`.
    public func execute<Command: QMPCommandDescriptor>(
        _ command: Command.Type, _ arguments: Command.Arguments, passing descriptor: Int32,
        timeout: Duration? = nil
    ) async throws -> Command.Result {
        let reply = try await core.perform(
            Command.name, arguments: arguments.qapiEncoded().objectValue ?? JSONObject(), outOfBand: false,
            timeout: timeout ?? options.defaultTimeout, passing: passedDescriptor(descriptor, for: Command.name))
        return try ReplyDecoding.decode(
            Command.Result.self, of: Command.name, from: reply, driftHandler: options.driftHandler)
    }

    /// Runs the command named `name` with `arguments`, untyped, sending
    /// `descriptor` with it; see `execute(_:_:passing:timeout:)`.
    public func execute(
        _ name: String, arguments: JSONObject = [:], passing descriptor: Int32, timeout: Duration? = nil
    ) async throws -> JSONValue {
        let reply = try await core.perform(
            name, arguments: arguments, outOfBand: false, timeout: timeout ?? options.defaultTimeout,
            passing: passedDescriptor(descriptor, for: name))
        return try ReplyDecoding.returnValue(of: name, from: reply)
    }

    /// The duplicate of `descriptor` that goes with `command`.
    private func passedDescriptor(_ descriptor: Int32, for command: String) throws(QMPClientError) -> PassedDescriptor {
        guard case .unix = endpoint else {
            throw .descriptorNotPassed(command: command, reason: "only unix sockets carry file descriptors")
        }
        switch PassedDescriptor.duplicating(descriptor) {
        case .success(let passed): return passed
        case .failure(let error): throw .descriptorNotPassed(command: command, reason: error.text)
        }
    }
}
