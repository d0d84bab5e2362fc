import Dispatch
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// Event streams: every subscriber gets every event; a bounded buffer.
final class EventStreamTests: XCTestCase {
    func testEveryStreamGetsEveryEventInOrder() async throws {
        let proceed = DispatchSemaphore(value: 0)
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            _ = proceed.wait(timeout: .now() + 5)
            for index in 0..<100 { peer.sendEvent("JOB_DONE", data: ["id": .string("\(index)")]) }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let streams = (0..<3).map { _ in connection.events(Events.JobDone.self) }
        proceed.signal()
        for stream in streams {
            var ids: [String] = []
            for try await event in stream {
                ids.append(event.id)
                if ids.count == 100 { break }
            }
            XCTAssertEqual(ids, (0..<100).map { "\($0)" })
        }
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAStreamWhoseConsumerStallsEndsAfterTheStallTimeoutAndReadingGoesOn() async throws {
        // More than one read turn takes (16 reads of 32 KiB), so reading
        // is held up before the reply.
        let flood = 20_000
        let server = try floodingServer(events: flood) { peer in
            let after = try peer.expect("x-echo")
            peer.sendEvent("JOB_DONE", data: ["id": "after"])
            peer.reply(to: after, with: ["text": "after"])
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(eventBufferLimit: 16, eventStallTimeout: .milliseconds(200)))
        let slow = connection.events(Events.JobDone.self)
        // Reading waits for the stalled stream, then ends it and goes on.
        _ = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "flood"))
        XCTAssertEqual(connection.statistics.eventsReceived, flood)

        var ids: [String] = []
        let error = await thrownError { for try await event in slow { ids.append(event.id) } }
        // What was buffered when the stream ended, in order: at least the
        // limit (one read's events are all handed out), never all.
        XCTAssertGreaterThanOrEqual(ids.count, 16)
        XCTAssertLessThan(ids.count, flood)
        XCTAssertEqual(ids, (0..<ids.count).map { "\($0)" })
        XCTAssertEqual(error as? QMPClientError, .eventBufferOverflow(limit: 16))
        XCTAssertEqual("\(error!)", "event stream ended: its consumer fell 16 events behind")

        // The connection and new streams go on.
        let fresh = connection.events(Events.JobDone.self)
        _ = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "after"))
        var iterator = fresh.makeAsyncIterator()
        let next = try await iterator.next()
        XCTAssertEqual(next?.id, "after")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testABurstFarLargerThanTheBufferReachesAConsumerThatKeepsReading() async throws {
        let burst = 20_000
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("x-echo")
            for index in 0..<burst { peer.sendEvent("X_FUTURE_EVENT", data: ["n": .int(Int64(index))]) }
            peer.reply(to: request, with: ["text": "done"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(eventBufferLimit: 64, eventStallTimeout: .seconds(30)))
        let untyped = connection.events()
        let typed = connection.events(as: AnyEvent.self)
        let untypedCount = Task {
            var count = 0
            for try await message in untyped {
                guard message.data?["n"] == .int(Int64(count)) else { break }
                count += 1
                if count == burst { break }
            }
            return count
        }
        let typedCount = Task {
            var count = 0
            for try await event in typed {
                guard case .unknown(let name, _) = event, name == "X_FUTURE_EVENT" else { break }
                count += 1
                if count == burst { break }
            }
            return count
        }
        let reply = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "burst"))
        XCTAssertEqual(reply.text, "done")
        let untypedReceived = try await untypedCount.value
        let typedReceived = try await typedCount.value
        XCTAssertEqual(untypedReceived, burst)
        XCTAssertEqual(typedReceived, burst)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testTheFirstStreamStartsWithTheEventsThatCameBeforeIt() async throws {
        let server = try FakeQMPServer { peer in
            peer.sendEvent("X_BEFORE_GREETING")
            try peer.negotiate()
            peer.sendEvent("STOP")
            peer.sendEvent("RESUME")
            let request = try peer.expect("x-echo")
            peer.sendEvent("SHUTDOWN", data: ["guest": false, "reason": "host-qmp-quit"])
            peer.reply(to: request, with: ["text": "late"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        // Subscribing some time after connect still sees the early events.
        try await Task.sleep(for: .milliseconds(200))
        let first = connection.events()
        let second = connection.events()
        _ = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "x"))
        var names: [String] = []
        for try await message in first {
            names.append(message.name)
            if names.count == 4 { break }
        }
        XCTAssertEqual(names, ["X_BEFORE_GREETING", "STOP", "RESUME", "SHUTDOWN"])
        // Later streams get events from the moment they are made.
        var iterator = second.makeAsyncIterator()
        let next = try await iterator.next()
        XCTAssertEqual(next?.name, "SHUTDOWN")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testDroppingAFullStreamLetsReadingGoOnAtOnce() async throws {
        let flood = 20_000
        let server = try floodingServer(events: flood)
        // The stall timeout is longer than the call's timeout: only the
        // dropped stream can let the reply through in time.
        let connection = try await QMPConnection.connect(
            to: server.endpoint,
            options: .testing(defaultTimeout: .seconds(10), eventBufferLimit: 16, eventStallTimeout: .seconds(60)))
        var unread: AsyncThrowingStream<QMPEventMessage, any Error>? = connection.events()
        let call = Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "flood")) }
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertLessThan(connection.statistics.eventsReceived, flood, "reading was held up")
        XCTAssertNotNil(unread)
        unread = nil
        let reply = try await call.value
        XCTAssertEqual(reply.text, "flooded")
        XCTAssertEqual(connection.statistics.eventsReceived, flood)
        await connection.close()
        server.assertScriptsPassed()
    }

    /// A server that negotiates, answers the first `x-echo` only after
    /// `events` JOB_DONE events (ids "0", "1", ...), then plays `then`.
    private func floodingServer(
        events: Int, then: @escaping @Sendable (FakeQMPPeer) throws -> Void = { _ in }
    ) throws -> FakeQMPServer {
        try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("x-echo")
            for index in 0..<events { peer.sendEvent("JOB_DONE", data: ["id": .string("\(index)")]) }
            peer.reply(to: request, with: ["text": "flooded"])
            try then(peer)
            peer.waitForClientClose()
        }
    }

    func testStoppingAnIterationUnsubscribes() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            peer.sendEvent("STOP")
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let consumer = Task {
            for try await _ in connection.events() {}
        }
        try await Task.sleep(for: .milliseconds(100))
        consumer.cancel()
        _ = await consumer.result
        await connection.close()
        server.assertScriptsPassed()
    }
}
