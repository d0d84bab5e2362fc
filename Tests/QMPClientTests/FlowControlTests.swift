import Dispatch
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// At most `maxInFlight` in-band requests are on the wire; timeouts and
/// cancellation free a slot at once.
final class FlowControlTests: XCTestCase {
    func testAtMostEightRequestsAreOnTheWireAsTheServerSeesIt() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            var requests: [JSONObject] = []
            for _ in 0..<8 { requests.append(try peer.expect("x-echo")) }
            guard !peer.requestArrives(within: 0.3) else {
                throw ScriptError.unexpected(expected: "no 9th request", got: .object(try peer.readRequest()))
            }
            // Answered in reverse order: replies are matched by id.
            for request in requests.reversed() {
                peer.reply(to: request, with: ["text": request["arguments"]!["text"]!])
            }
            for _ in 0..<4 {
                let request = try peer.expect("x-echo")
                peer.reply(to: request, with: ["text": request["arguments"]!["text"]!])
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let result = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "\(index)"))
                    XCTAssertEqual(result.text, "\(index)")
                }
            }
            try await group.waitForAll()
        }
        await connection.close()
        server.assertScriptsPassed()
    }

    func testTheNinthCallGoesOutAsSoonAsOneOfEightStalledCallsTimesOut() async throws {
        let ninthArrived = DispatchSemaphore(value: 0)
        let lateRepliesSent = DispatchSemaphore(value: 0)
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            var stalled: [JSONObject] = []
            for _ in 0..<8 { stalled.append(try peer.expect("x-echo")) }
            let ninth = try peer.expect("x-echo", timeout: 3)
            guard ninth["arguments"]?["text"] == "ninth" else {
                throw ScriptError.unexpected(expected: "the ninth call", got: .object(ninth))
            }
            ninthArrived.signal()
            peer.reply(to: ninth, with: ["text": "ninth"])
            for request in stalled { peer.reply(to: request, with: ["text": "late"]) }
            lateRepliesSent.signal()
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(defaultTimeout: nil))
        let stalled = (0..<8).map { index in
            Task {
                try await connection.execute(
                    Commands.XEcho.self, EchoArguments(text: "\(index)"),
                    timeout: index == 3 ? .milliseconds(300) : .seconds(10))
            }
        }
        await eventually { connection.statistics.callsOnWire == 8 }
        let started = ContinuousClock.now
        let ninth = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "ninth"))
        let waited = ContinuousClock.now - started
        XCTAssertEqual(ninth.text, "ninth")
        XCTAssertGreaterThanOrEqual(waited, .milliseconds(200))
        XCTAssertLessThan(waited, .seconds(3))
        let timedOut = await thrownError { try await stalled[3].value }
        XCTAssertEqual(timedOut as? QMPClientError, .timedOut(command: "x-echo", after: .milliseconds(300)))
        XCTAssertEqual("\(timedOut!)", "x-echo timed out after 0.3 seconds (the server may still run it)")
        for (index, task) in stalled.enumerated() where index != 3 {
            let result = try await task.value
            XCTAssertEqual(result.text, "late")
        }
        // The late reply to the call that timed out is dropped.
        XCTAssertEqual(lateRepliesSent.wait(timeout: .now() + 5), .success)
        await eventually { connection.statistics.repliesDropped == 1 }
        await connection.close()
        server.assertScriptsPassed()
    }

    func testCancellationFreesTheSlotAtOnce() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let stalled = try peer.expect("x-echo")
            let next = try peer.expect("x-echo", timeout: 3)
            peer.reply(to: next, with: ["text": "next"])
            peer.reply(to: stalled, with: ["text": "too late"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(maxInFlight: 1, defaultTimeout: nil))
        let stalled = Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "stalled")) }
        await eventually { connection.statistics.callsOnWire == 1 }
        let next = Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "next")) }
        await eventually { connection.statistics.callsWaiting == 1 }
        XCTAssertEqual(connection.statistics.callsOnWire, 1, "the stalled call holds the only slot")
        stalled.cancel()
        let error = await thrownError { try await stalled.value }
        XCTAssertEqual(error as? QMPClientError, .cancelled(command: "x-echo"))
        let result = try await next.value
        XCTAssertEqual(result.text, "next")
        await eventually { connection.statistics.repliesDropped == 1 }
        XCTAssertEqual(connection.statistics.callsOnWire, 0)
        XCTAssertEqual(connection.statistics.callsWaiting, 0)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testACallWaitingForASlotTimesOutWithoutBeingSent() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let first = try peer.expect("x-echo")
            guard !peer.requestArrives(within: 0.5) else {
                throw ScriptError.unexpected(expected: "nothing", got: .object(try peer.readRequest()))
            }
            peer.reply(to: first, with: ["text": "first"])
            let third = try peer.expect("x-echo")
            peer.reply(to: third, with: ["text": "third"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(maxInFlight: 1, defaultTimeout: nil))
        let first = Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "first")) }
        await eventually { connection.statistics.callsOnWire == 1 }
        let error = await thrownError {
            try await connection.execute(
                Commands.XEcho.self, EchoArguments(text: "second"), timeout: .milliseconds(200))
        }
        XCTAssertEqual(error as? QMPClientError, .timedOut(command: "x-echo", after: .milliseconds(200)))
        let firstResult = try await first.value
        XCTAssertEqual(firstResult.text, "first")
        let third = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "third"))
        XCTAssertEqual(third.text, "third")
        XCTAssertEqual(connection.statistics.repliesDropped, 0)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testWaitingCallsGoOutInOrder() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            for expected in 0..<6 {
                let request = try peer.expect("x-echo")
                guard request["arguments"]?["text"] == .string("\(expected)") else {
                    throw ScriptError.unexpected(expected: "call \(expected)", got: .object(request))
                }
                peer.reply(to: request, with: ["text": .string("\(expected)")])
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing(maxInFlight: 1))
        var tasks: [Task<EchoResult, any Error>] = []
        let negotiation = connection.statistics.repliesReceived
        for index in 0..<6 {
            tasks.append(Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "\(index)")) })
            // Each call is in line (or answered) before the next one is made.
            await eventually {
                let statistics = connection.statistics
                return statistics.repliesReceived - negotiation + statistics.callsOnWire + statistics.callsWaiting
                    == index + 1
            }
        }
        for (index, task) in tasks.enumerated() {
            let result = try await task.value
            XCTAssertEqual(result.text, "\(index)")
        }
        await connection.close()
        server.assertScriptsPassed()
    }
}
