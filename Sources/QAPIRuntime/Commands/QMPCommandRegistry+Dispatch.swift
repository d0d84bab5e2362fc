extension QMPCommandRegistry {
    /// Runs a message through the whole pipeline (spec Appendix 2): shape
    /// checks (R1–R4), then `dispatch(_:policy:)`. Returns the response to
    /// send, nil for a successful `success-response: false` command.
    public func dispatch(_ message: JSONValue, oobEnabled: Bool, policy: QMPDispatchPolicy) async -> QMPResponse? {
        let request: QMPRequest
        do {
            request = try QMPRequest(message, oobEnabled: oobEnabled)
        } catch {
            return error.response
        }
        return await dispatch(request, policy: policy)
    }

    /// Runs an out-of-band message (`QMPRequest.isOutOfBand(message)`
    /// holds) through the whole pipeline synchronously, as QEMU does on
    /// its I/O thread (spec O2, O3).
    public func dispatchOutOfBand(_ message: JSONValue, oobEnabled: Bool, policy: QMPDispatchPolicy) -> QMPResponse? {
        precondition(QMPRequest.isOutOfBand(message), "not an exec-oob message")
        let request: QMPRequest
        do {
            request = try QMPRequest(message, oobEnabled: oobEnabled)
        } catch {
            return error.response
        }
        return dispatchOutOfBand(request, policy: policy)
    }

    /// Runs `request`: checks R5–R8, then the command's body with the
    /// arguments (R9, R12). Returns the response (R10, R11), nil for a
    /// successful `success-response: false` command.
    public func dispatch(_ request: QMPRequest, policy: QMPDispatchPolicy) async -> QMPResponse? {
        let command: QMPCommand
        do {
            command = try admit(request, policy: policy)
        } catch {
            return QMPResponse(id: request.id, result: .failure(error))
        }
        let result: Result<JSONValue, QMPError>
        do {
            switch command.body {
            case .inBand(let run): result = .success(try await run(request.arguments, policy.compat))
            case .outOfBand(let run): result = .success(try run(request.arguments, policy.compat))
            case .schemaQuery: result = .success(try answerSchemaQuery(request.arguments, policy.compat))
            }
        } catch {
            result = .failure(error)
        }
        return response(to: request, from: command, result)
    }

    /// Runs an `exec-oob` request synchronously; see `dispatch(_:policy:)`.
    /// A command that passes the checks allows OOB, so its body is
    /// synchronous.
    public func dispatchOutOfBand(_ request: QMPRequest, policy: QMPDispatchPolicy) -> QMPResponse? {
        precondition(request.isOOB, "not an exec-oob request")
        let command: QMPCommand
        do {
            command = try admit(request, policy: policy)
        } catch {
            return QMPResponse(id: request.id, result: .failure(error))
        }
        return response(
            to: request, from: command,
            Result { () throws(QMPError) in
                switch command.body {
                case .outOfBand(let run): return try run(request.arguments, policy.compat)
                case .schemaQuery: return try answerSchemaQuery(request.arguments, policy.compat)
                case .inBand: preconditionFailure("allow-oob command '\(command.name)' without an .outOfBand body")
                }
            })
    }

    /// The answer of `query-qmp-schema`: no argument is accepted (spec
    /// R9, A11).
    private func answerSchemaQuery(_ arguments: JSONObject, _ compat: QAPICompatPolicy) throws(QMPError) -> JSONValue {
        _ = try QAPIDecoder.decode(QAPIEmpty.self, from: .object(arguments), policy: compat)
        return cachedIntrospection()
    }

    /// The command `request` may run, or the error refusing it: unknown
    /// (R5), rejected by the compat policy, disabled (R6), not allowed
    /// OOB (R7), not allowed before the machine is ready (R8).
    private func admit(_ request: QMPRequest, policy: QMPDispatchPolicy) throws(QMPError) -> QMPCommand {
        let name = request.command
        guard let command = self[name] else {
            throw QMPError(.commandNotFound, "The command \(name) has not been found")
        }
        if command.features.contains(.deprecated) && policy.compat.rejectDeprecatedInput {
            throw QMPError(.commandNotFound, "Deprecated command \(name) disabled by policy")
        }
        if command.features.contains(.unstable) && policy.compat.rejectUnstableInput {
            throw QMPError(.commandNotFound, "Unstable command \(name) disabled by policy")
        }
        if let error = disabledError(name) { throw error }
        if request.isOOB && !command.flags.contains(.allowOOB) {
            throw .generic("The command \(name) does not support OOB")
        }
        if !policy.machineReady && !command.flags.contains(.allowPreconfig) {
            throw .generic(
                "The command '\(name)' is permitted only after machine initialization has completed")
        }
        return command
    }

    /// The response for `result`: none for the success of a
    /// `success-response: false` command (R10).
    private func response(
        to request: QMPRequest, from command: QMPCommand, _ result: Result<JSONValue, QMPError>
    ) -> QMPResponse? {
        if case .success = result, command.flags.contains(.noSuccessResponse) { return nil }
        return QMPResponse(id: request.id, result: result)
    }
}
