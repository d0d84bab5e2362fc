import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// Event broadcast and shutdown (spec E2, E3, N6, H8).
final class EventTests: ServerTestCase {
    /// An event emitted by a command reaches every negotiated QMP monitor,
    /// before the command's response on the emitting monitor; monitors
    /// still negotiating never see it, not even later (E2, E3, N6, H8).
    func testEventsReachNegotiatedMonitorsOnly() throws {
        let emitter = try connect(try addSocketMonitor("emitter"))
        let listener = try connect(try addSocketMonitor("listener"))
        let negotiating = try connect(try addSocketMonitor("negotiating"), negotiate: false)
        try addSocketMonitor("human", mode: .readline)

        try emitter.send(#"{"execute": "x-event", "arguments": {"n": 1}, "id": 1}"#)
        let event = json(try emitter.readLine())
        XCTAssertEqual(event["event"], "X_EVENT")
        XCTAssertEqual(event["data"], ["n": 1])
        XCTAssertNotNil(event["timestamp"]?["seconds"]?.int64Value)
        XCTAssertNotNil(event["timestamp"]?["microseconds"]?.int64Value)
        XCTAssertEqual(try emitter.readLine(), #"{"return": {}, "id": 1}"#)
        XCTAssertEqual(json(try listener.readLine())["event"], "X_EVENT")

        // The negotiating client's next message is its own response.
        XCTAssertEqual(try negotiating.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try negotiating.execute(#"{"execute": "x-event", "arguments": {"n": 2}}"#).contains("X_EVENT"), true)
        XCTAssertEqual(try negotiating.readLine(), #"{"return": {}}"#)
        XCTAssertEqual(json(try listener.readLine())["data"], ["n": 2])
    }

    /// The wire form of an event: timestamp, event, data (E1, T4).
    func testEventMemberOrder() throws {
        let client = try connect(try addSocketMonitor("main"))
        let line = try client.execute(#"{"execute": "x-event", "arguments": {"n": "s"}}"#)
        XCTAssertTrue(line.hasPrefix(#"{"timestamp": {"seconds": "#), line)
        XCTAssertTrue(line.hasSuffix(#"}, "event": "X_EVENT", "data": {"n": "s"}}"#), line)
    }

    /// quit: SHUTDOWN (host-qmp-quit) to every negotiated monitor, then
    /// the return, then every connection closes and the server stops,
    /// releasing its sockets (E3).
    func testQuit() async throws {
        let mainPath = try addSocketMonitor("main")
        let main = try connect(mainPath)
        let other = try connect(try addSocketMonitor("other"))
        let negotiating = try connect(try addSocketMonitor("negotiating"), negotiate: false)
        try main.send(#"{"execute": "quit", "id": "bye"}"#)
        let event = json(try main.readLine())
        XCTAssertEqual(event["event"], "SHUTDOWN")
        XCTAssertEqual(event["data"], ["guest": false, "reason": "host-qmp-quit"])
        XCTAssertEqual(try main.readLine(), #"{"return": {}, "id": "bye"}"#)
        XCTAssertTrue(main.waitForClose())
        XCTAssertEqual(json(try other.readLine())["event"], "SHUTDOWN")
        XCTAssertTrue(other.waitForClose())
        XCTAssertTrue(negotiating.waitForClose())
        await server.stopped()
        XCTAssertTrue(server.isStopped)
        XCTAssertTrue(server.chardevs.chardevs.isEmpty)
        XCTAssertThrowsError(try QMPTestClient.connect(unix: mainPath), "the socket is gone")
    }

    /// shutdown(reason:) sends SHUTDOWN with that reason and stops.
    func testShutdownBySignal() async throws {
        let client = try connect(try addSocketMonitor("main"))
        server.shutdown(reason: .hostSignal)
        XCTAssertEqual(json(try client.readLine())["data"], ["guest": false, "reason": "host-signal"])
        XCTAssertTrue(client.waitForClose())
        await server.stopped()
    }
}
