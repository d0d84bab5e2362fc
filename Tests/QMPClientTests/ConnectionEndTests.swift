import Dispatch
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// The end of a connection fails every pending and waiting call with one
/// error and ends every event stream with the reason.
final class ConnectionEndTests: XCTestCase {
    func testADisconnectMidReplyFailsEveryCallAndStreamWithOneError() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let first = try peer.expect("x-echo")
            _ = try peer.expect("x-echo")
            peer.send(#"{"return": {"text": "cut sh"#)
            _ = first
            peer.close()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(maxInFlight: 2, defaultTimeout: nil))
        let events = connection.events()
        let calls = (0..<3).map { index in
            Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "\(index)")) }
        }
        let expected = QMPClientError.disconnected(.closedByServer)
        for call in calls {
            let error = await thrownError { try await call.value }
            XCTAssertEqual(error as? QMPClientError, expected)
        }
        let streamError = await thrownError { for try await _ in events {} }
        XCTAssertEqual(streamError as? QMPClientError, expected)
        XCTAssertEqual("\(expected)", "disconnected: the server closed the connection")
        let later = await thrownError {
            try await connection.execute(Commands.XEcho.self, EchoArguments(text: "later"))
        }
        XCTAssertEqual(later as? QMPClientError, expected)
        let lateStream = await thrownError { for try await _ in connection.events() {} }
        XCTAssertEqual(lateStream as? QMPClientError, expected)
        server.assertScriptsPassed()
    }

    /// A VM manager sees QEMU quit again and again. Each hang-up must end
    /// its connection cleanly; on Linux, libdispatch's read sources could
    /// crash the process on a peer's hang-up (swift-corelibs-libdispatch
    /// issue 949), which is why the client watches sockets with QMPReactor.
    func testManyServerHangUpsEachEndTheirConnection() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            _ = try peer.expect("query-status")
            peer.close()
        }
        for _ in 0..<200 {
            let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
            let error = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
            XCTAssertEqual(error as? QMPClientError, .disconnected(.closedByServer))
            await connection.close()
        }
        XCTAssertEqual(server.connectionCount, 200)
        server.assertScriptsPassed()
    }

    func testAnOversizedMessageEndsTheConnection() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("x-echo")
            peer.reply(to: request, with: ["text": .string(String(repeating: "x", count: 10_000))])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing(maxMessageBytes: 4096))
        let error = await thrownError { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "big")) }
        XCTAssertEqual(error as? QMPClientError, .disconnected(.messageTooLarge(limit: 4096)))
        XCTAssertEqual("\(error!)", "disconnected: a message from the server exceeded the limit of 4096 bytes")
        server.assertScriptsPassed()
    }

    func testTextThatIsNotJSONEndsTheConnection() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            _ = try peer.expect("query-status")
            peer.send("{\"return\": @}\r\n")
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError { try await connection.execute(Commands.QueryStatus.self) }
        XCTAssertEqual(
            error as? QMPClientError,
            .disconnected(.protocolViolation("the server sent invalid JSON (JSON parse error, stray '@')")))
        server.assertScriptsPassed()
    }

    func testCloseFailsPendingCallsAndFinishesStreamsNormally() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            _ = try peer.expect("x-echo")
            guard peer.waitForClientClose() else { throw ScriptError.timedOut(waitingFor: "the client to close") }
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing(defaultTimeout: nil))
        let events = connection.events()
        let pending = Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "pending")) }
        await eventually { connection.statistics.callsOnWire == 1 }
        await connection.close()
        let error = await thrownError { try await pending.value }
        XCTAssertEqual(error as? QMPClientError, .disconnected(.closedByClient))
        var received = 0
        for try await _ in events { received += 1 }
        XCTAssertEqual(received, 0)
        try await Task.sleep(for: .milliseconds(100))
        server.assertScriptsPassed()
    }

    func testReleasingTheConnectionClosesIt() async throws {
        let closed = DispatchSemaphore(value: 0)
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            if peer.waitForClientClose() { closed.signal() }
        }
        var connection: QMPConnection? = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        XCTAssertNotNil(connection)
        connection = nil
        XCTAssertEqual(closed.wait(timeout: .now() + 5), .success)
        server.assertScriptsPassed()
    }
}
