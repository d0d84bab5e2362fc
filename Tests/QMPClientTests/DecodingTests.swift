import QAPIRuntime
import QAPITestSupport
import QMPClient
import QMPClientTestSupport
import XCTest

/// Results and events are decoded tolerantly: what this build does not
/// know is kept or skipped and reported, with the command or event and
/// the path from `return` or `data`.
final class DecodingTests: XCTestCase {
    /// A server that answers the first request with `result`.
    private func connect(
        answering result: String, drift: DriftLog? = nil
    ) async throws -> (FakeQMPServer, QMPConnection) {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.readRequest()
            peer.send(#"{"return": \#(result), "id": \#(request["id"]!)}"#)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(driftHandler: drift?.handler))
        return (server, connection)
    }

    func testUnknownEnumValuesAreKept() async throws {
        let drift = DriftLog()
        let (server, connection) = try await connect(
            answering: #"{"running": false, "status": "suspended-to-moon"}"#, drift: drift)
        let status = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(status.status, .unknown("suspended-to-moon"))
        XCTAssertEqual(drift.lines, ["query-status: unknown value 'suspended-to-moon' at 'return.status'"])
        await connection.close()
        server.assertScriptsPassed()
    }

    func testUnknownMembersAreSkippedAndTheDriftHandlerHearsTheirPath() async throws {
        let drift = DriftLog()
        let (server, connection) = try await connect(
            answering: #"{"qemu": {"major": 10, "minor": 0, "micro": 0, "nano": 1}, "package": "", "vendor": "x"}"#,
            drift: drift)
        let version = try await connection.execute(Commands.QueryVersion.self)
        XCTAssertEqual(version.qemu.major, 10)
        XCTAssertEqual(
            drift.lines,
            ["query-version: unknown member 'return.qemu.nano'", "query-version: unknown member 'return.vendor'"])
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAMissingMemberIsAnErrorThatNamesTheCommandAndThePath() async throws {
        let (server, connection) = try await connect(answering: #"{"running": true}"#)
        let error = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
        XCTAssertEqual(
            error as? QMPClientError,
            .decoding(command: "query-status", path: "return.status", message: "Parameter 'status' is missing"))
        XCTAssertEqual("\(error!)", "query-status: cannot decode return.status: Parameter 'status' is missing")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testPathsIntoListResults() async throws {
        let (server, connection) = try await connect(answering: #"[{"name": "quit"}, {"name": 7}]"#)
        let error = await thrownError { try await connection.execute(Commands.QueryCommands.self) }
        XCTAssertEqual(
            "\(error!)",
            "query-commands: cannot decode return[1].name: Invalid parameter type for '[1].name', expected: string")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testUnknownEventsNeverThrowNorEndAStream() async throws {
        let drift = DriftLog()
        let proceed = DispatchSemaphore(value: 0)
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            _ = proceed.wait(timeout: .now() + 5)
            peer.sendEvent("BRAND_NEW", data: ["anything": [1, 2]])
            peer.sendEvent("SHUTDOWN", data: ["guest": true, "reason": "host-moon", "extra": 1])
            peer.sendEvent("SHUTDOWN", data: ["guest": true])
            peer.sendEvent("STOP")
            peer.sendEvent("SHUTDOWN", data: ["guest": false, "reason": "host-signal"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(driftHandler: drift.handler))
        let raw = connection.events()
        let typed = connection.events(Events.Shutdown.self)
        let set = connection.events(as: AnyEvent.self)
        proceed.signal()

        var rawNames: [String] = []
        for try await event in raw {
            rawNames.append(event.name)
            if rawNames.count == 5 { break }
        }
        XCTAssertEqual(rawNames, ["BRAND_NEW", "SHUTDOWN", "SHUTDOWN", "STOP", "SHUTDOWN"])

        var shutdowns: [ShutdownCause] = []
        for try await event in typed {
            shutdowns.append(event.reason)
            if shutdowns.count == 2 { break }
        }
        XCTAssertEqual(shutdowns, [.unknown("host-moon"), .hostSignal])

        var values: [AnyEvent] = []
        for try await event in set {
            values.append(event)
            if values.count == 5 { break }
        }
        XCTAssertEqual(values.count, 5)
        XCTAssertEqual(values[0], .unknown(name: "BRAND_NEW", data: ["anything": [1, 2]]))
        guard case .shutdown(let moon) = values[1] else { return XCTFail("\(values[1])") }
        XCTAssertEqual(moon.reason, .unknown("host-moon"))
        XCTAssertEqual(values[2], .unknown(name: "SHUTDOWN", data: ["guest": true]))
        XCTAssertEqual(values[3], .stop(Events.Stop()))
        guard case .shutdown(let signal) = values[4] else { return XCTFail("\(values[4])") }
        XCTAssertEqual(signal.reason, .hostSignal)

        // Both the typed stream and the set decoded each SHUTDOWN: each of
        // its reports comes twice; only the set met the unknown event.
        XCTAssertEqual(
            Set(drift.lines),
            [
                "BRAND_NEW: unknown event, kept as it came",
                "SHUTDOWN: unknown value 'host-moon' at 'data.reason'",
                "SHUTDOWN: unknown member 'data.extra'",
                "SHUTDOWN: skipped, undecodable at 'data.reason': Parameter 'reason' is missing",
            ])
        XCTAssertEqual(drift.lines.count, 7)
        await connection.close()
        server.assertScriptsPassed()
    }
}
