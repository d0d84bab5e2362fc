import QAPIRuntime

/// The start of a connection: the greeting, then `qmp_capabilities`,
/// both within the connect timeout, with errors that say which step
/// failed.
struct Handshake {
    let core: ConnectionCore
    let endpoint: QMPEndpoint
    /// The whole handshake's time, counted from `started`.
    let timeout: Duration
    let started: ContinuousClock.Instant

    /// Waits for the greeting and reads it.
    func readGreeting() async throws -> QMPGreeting {
        let message: JSONValue
        do {
            message = try await core.wait(
                for: core.greeting, timeout: remaining,
                timedOut: { _ in .connectTimedOut(endpoint: endpoint.description, stage: "the greeting", after: timeout)
                },
                cancelled: .cancelled(command: "connect"))
        } catch QMPClientError.disconnected(let reason) {
            throw QMPClientError.connectionFailed(
                endpoint: endpoint.description, reason: "\(reason) before its greeting")
        }
        return try QMPGreeting(parsing: message)
    }

    /// Sends `qmp_capabilities`, enabling `oob` if asked.
    func negotiate(enablingOutOfBand: Bool) async throws {
        let arguments: JSONObject = enablingOutOfBand ? ["enable": ["oob"]] : [:]
        let reply: JSONObject
        do {
            reply = try await core.perform(
                "qmp_capabilities", arguments: arguments, outOfBand: false, timeout: remaining)
        } catch QMPClientError.timedOut {
            throw QMPClientError.connectTimedOut(
                endpoint: endpoint.description, stage: "the qmp_capabilities reply", after: timeout)
        } catch QMPClientError.disconnected(let reason) {
            throw QMPClientError.negotiationFailed("\(reason) before answering qmp_capabilities")
        }
        do {
            _ = try ReplyDecoding.returnValue(of: "qmp_capabilities", from: reply)
        } catch let error as QMPCommandError {
            throw QMPClientError.negotiationFailed(error.description)
        }
    }

    /// What is left of the handshake's time.
    private var remaining: Duration {
        timeout - (ContinuousClock.now - started)
    }
}
