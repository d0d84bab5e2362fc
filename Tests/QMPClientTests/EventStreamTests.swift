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

    func testAnEventFloodEndsOnlyTheStreamThatFellBehind() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let flood = try peer.expect("x-echo")
            for index in 0..<2000 { peer.sendEvent("JOB_DONE", data: ["id": .string("\(index)")]) }
            peer.reply(to: flood, with: ["text": "flooded"])
            let after = try peer.expect("x-echo")
            peer.sendEvent("JOB_DONE", data: ["id": "after"])
            peer.reply(to: after, with: ["text": "after"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(
            to: server.endpoint, options: .testing(eventBufferLimit: 16))
        let slow = connection.events(Events.JobDone.self)
        _ = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "flood"))
        XCTAssertEqual(connection.statistics.eventsReceived, 2000)

        var ids: [String] = []
        let error = await thrownError { for try await event in slow { ids.append(event.id) } }
        XCTAssertEqual(ids, (0..<16).map { "\($0)" })
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
