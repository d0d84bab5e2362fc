import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// Replies are matched by id; events are routed apart whatever order they
/// come in; the server's errors become `QMPCommandError`.
final class ReplyRoutingTests: XCTestCase {
    func testRepliesWithUnknownOrStaleIDsAreDroppedAndCounted() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("query-status")
            peer.send(#"{"return": {"running": false, "status": "paused"}, "id": 9999}"#)
            peer.send(#"{"return": {"running": false, "status": "paused"}, "id": "not-ours"}"#)
            peer.send(#"{"return": {"running": false, "status": "paused"}}"#)
            peer.reply(to: request, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let status = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(status.status, .running)
        XCTAssertEqual(connection.statistics.repliesDropped, 3)
        XCTAssertEqual(connection.statistics.repliesReceived, 5)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testADuplicateReplyIsDropped() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let first = try peer.expect("x-echo")
            peer.reply(to: first, with: ["text": "first"])
            peer.reply(to: first, with: ["text": "first again"])
            let second = try peer.expect("x-echo")
            peer.reply(to: second, with: ["text": "second"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let first = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "1"))
        let second = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "2"))
        XCTAssertEqual([first.text, second.text], ["first", "second"])
        XCTAssertEqual(connection.statistics.repliesDropped, 1)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testEventsBeforeTheGreetingAndDuringNegotiationDoNotDisturbIt() async throws {
        let server = try FakeQMPServer { peer in
            peer.sendEvent("EARLY")
            peer.sendGreeting()
            let request = try peer.expect("qmp_capabilities")
            peer.sendEvent("DURING_NEGOTIATION")
            peer.reply(to: request)
            let status = try peer.expect("query-status")
            peer.reply(to: status, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        XCTAssertEqual(connection.greeting.capabilities, ["oob"])
        XCTAssertTrue(connection.isOutOfBandEnabled)
        _ = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(connection.statistics, QMPConnection.Statistics(repliesReceived: 2, eventsReceived: 2))
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAnEventBetweenRequestAndReplyGoesToTheStreamBeforeTheCallReturns() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("stop")
            peer.sendEvent("STOP")
            peer.reply(to: request)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let events = connection.events()
        _ = try await connection.execute(Commands.Stop.self)
        // The event came first on the wire, so it is in the stream already.
        var iterator = events.makeAsyncIterator()
        let event = try await iterator.next()
        XCTAssertEqual(event?.name, "STOP")
        XCTAssertNil(event?.data)
        XCTAssertEqual(event?.timestamp, QMPTimestamp(seconds: 1_700_000_000, microseconds: 42))
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAnEventThatComesBeforeItsCommandsReplyIsNotMissed() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("stop")
            peer.sendEvent("JOB_DONE", data: ["id": "other"])
            peer.sendEvent("JOB_DONE", data: ["id": "mine"])
            peer.reply(to: request)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let (_, done) = try await connection.execute(
            Commands.Stop.self, thenWaitFor: Events.JobDone.self, where: { $0.id == "mine" })
        XCTAssertEqual(done.id, "mine")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testWaitingForAnEventThatNeverComesTimesOut() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("stop")
            peer.reply(to: request)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError {
            try await connection.execute(
                Commands.Stop.self, thenWaitFor: Events.Stop.self, timeout: .milliseconds(200))
        }
        XCTAssertEqual(error as? QMPClientError, .eventTimedOut(event: "STOP", after: .milliseconds(200)))
        XCTAssertEqual("\(error!)", "no STOP event within 0.2 seconds")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testServerErrorsBecomeCommandErrorsThatReadWell() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let typed = try peer.expect("query-status")
            peer.replyError(
                to: typed, errorClass: "CommandNotFound", desc: "The command query-status has not been found")
            let untyped = try peer.expect("query-foo")
            peer.replyError(
                to: untyped, errorClass: "CommandNotFound", desc: "The command query-foo has not been found")
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let typed = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
        XCTAssertEqual(
            typed as? QMPCommandError,
            QMPCommandError(
                command: "query-status",
                error: QMPError(.commandNotFound, "The command query-status has not been found")))
        let untyped = await thrownError { try await connection.execute("query-foo") }
        XCTAssertEqual("\(untyped!)", "query-foo failed: CommandNotFound: The command query-foo has not been found")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testUnknownErrorClassesAreKept() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("query-status")
            peer.replyError(to: request, errorClass: "BrandNewError", desc: "Something new went wrong")
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
        let commandError = try XCTUnwrap(error as? QMPCommandError)
        XCTAssertEqual(commandError.errorClass, QMPErrorClass(rawValue: "BrandNewError"))
        XCTAssertEqual(
            commandError.qmpError.json.description, #"{"class": "BrandNewError", "desc": "Something new went wrong"}"#)
        XCTAssertEqual("\(commandError)", "query-status failed: BrandNewError: Something new went wrong")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAMalformedErrorReplyFailsOnlyItsCall() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let bad = try peer.expect("query-status")
            peer.send(#"{"error": "no class", "id": \#(bad["id"]!)}"#)
            let good = try peer.expect("query-status")
            peer.reply(to: good, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
        guard case .protocolViolation(let text)? = error as? QMPClientError else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertTrue(text.hasPrefix("query-status: the reply is neither a return nor an error"), text)
        let status = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(status.status, .running)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testArgumentsAreEncodedAndRequestIDsAreUnique() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            var ids: Set<Int64> = []
            for _ in 0..<20 {
                let request = try peer.expect("x-echo")
                guard let id = request["id"]?.int64Value, ids.insert(id).inserted,
                    case .object(let arguments)? = request["arguments"], let text = arguments["text"]
                else {
                    throw ScriptError.unexpected(expected: "a fresh integer id and arguments", got: .object(request))
                }
                peer.reply(to: request, with: ["text": text])
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let result = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "call \(index)"))
                    XCTAssertEqual(result.text, "call \(index)")
                }
            }
            try await group.waitForAll()
        }
        await connection.close()
        server.assertScriptsPassed()
    }
}
