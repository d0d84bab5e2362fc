import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import QMPMonitorSchema
import XCTest

/// The dispatcher and the I/O side over real sockets (spec Q, O, J, T).
final class DispatchTests: ServerTestCase {
    /// One command at a time for all monitors: while one monitor's command
    /// runs, another monitor's request waits (Q3).
    func testOneCommandAtATime() throws {
        let first = try connect(try addSocketMonitor("first"))
        let second = try connect(try addSocketMonitor("second"))
        try first.send(#"{"execute": "x-block", "id": 1}"#)
        XCTAssertTrue(gate.waitForArrivals(), "x-block never ran")
        try second.send(#"{"execute": "query-version", "id": 2}"#)
        XCTAssertTrue(second.receivesNothing(for: 0.3), "second ran while first's command was running")
        gate.open()
        XCTAssertEqual(try first.readLine(), #"{"return": {}, "id": 1}"#)
        XCTAssertTrue(try second.readLine().hasSuffix(#""id": 2}"#))
    }

    /// With OOB on, up to 8 in-band requests queue while one runs; an
    /// exec-oob request overtakes them (O2, O3). With 8 queued the monitor
    /// reads nothing more until the dispatcher takes one (Q2); every
    /// in-band request is answered in order (O6).
    func testEightDeepQueueAndOutOfBand() throws {
        let client = try connect(try addSocketMonitor("main"), enable: ["oob"])
        try client.send(#"{"execute": "x-block", "id": 0}"#)
        for id in 1...7 { try client.send(#"{"execute": "query-commands", "id": \#(id)}"#) }
        try client.send(#"{"exec-oob": "x-oob", "id": "oob1"}"#)
        XCTAssertEqual(try client.readLine(), #"{"return": {"oob": true}, "id": "oob1"}"#)
        try client.send(#"{"exec-oob": "query-version", "id": "oob2"}"#)
        XCTAssertEqual(
            try client.readLine(), errorLine("The command query-version does not support OOB", id: #""oob2""#))

        // The 8th queued request suspends the monitor: the next OOB
        // request is not read until the dispatcher dequeues.
        try client.send(#"{"execute": "query-commands", "id": 8}"#)
        try client.send(#"{"exec-oob": "x-oob", "id": "late"}"#)
        XCTAssertTrue(client.receivesNothing(for: 0.3), "read past a full queue")
        gate.open()
        var inBand: [Int64] = []
        var sawLate = false
        while inBand.count < 9 {
            let message = json(try client.readLine())
            if message["id"] == "late" {
                XCTAssertFalse(inBand.isEmpty, "the late OOB request was answered before the queue moved")
                sawLate = true
            } else if let id = message["id"]?.int64Value {
                inBand.append(id)
            }
        }
        if !sawLate { XCTAssertEqual(json(try client.readLine())["id"], "late") }
        XCTAssertEqual(inBand, Array(0...8))
    }

    /// Without OOB, pipelined requests are answered in order and exec-oob
    /// is an unexpected member (Q1, N7, O2).
    func testPipelinedWithoutOutOfBand() throws {
        let client = try connect(try addSocketMonitor("main"))
        var batch = ""
        for id in 0..<50 { batch += #"{"execute": "query-version", "id": \#(id)}"# }
        batch += #"{"exec-oob": "x-oob", "id": "o"}"#
        try client.send(batch)
        for id in 0..<50 { XCTAssertTrue(try client.readLine().hasSuffix(#""id": \#(id)}"#)) }
        XCTAssertEqual(try client.readLine(), errorLine("QMP input member 'exec-oob' is unexpected", id: #""o""#))
    }

    /// Malformed input on one monitor gets its errors there and never
    /// disturbs another monitor's requests (J5, J10).
    func testMalformedInputStaysOnItsMonitor() throws {
        let bad = try connect(try addSocketMonitor("bad"))
        let good = try connect(try addSocketMonitor("good"))
        try bad.send(#"{"execute": "query-version", "id": @}"#)
        try good.send(#"{"execute": "query-version", "id": 1}"#)
        XCTAssertTrue(try good.readLine().hasSuffix(#""id": 1}"#))
        XCTAssertEqual(try bad.readLine(), errorLine("JSON parse error, stray '@'"))
        XCTAssertEqual(try bad.readLine(), errorLine("JSON parse error, expecting value"))
        try bad.send([0x7B, 0xFF, 0x0A] + Array("[1, 2".utf8))
        try good.send(#"{"execute": "query-version", "id": 2}"#)
        XCTAssertTrue(try good.readLine().hasSuffix(#""id": 2}"#))
        XCTAssertEqual(try bad.readLine(), errorLine(#"JSON parse error, stray '\uFFFD'"#))
        try bad.send("]\n")
        XCTAssertEqual(try bad.readLine(), errorLine("QMP input must be a JSON object"))
        XCTAssertEqual(try bad.execute(#"{"execute": "query-version", "id": 3}"#).hasSuffix(#""id": 3}"#), true)
    }

    /// A client that leaves mid-request is forgotten: its partial input
    /// does not reach the next client (T7).
    func testReconnectForgetsPartialInput() throws {
        let socketPath = try addSocketMonitor("main")
        let first = try connect(socketPath)
        try first.send(#"{"execute": "query-ver"#)
        first.close()
        let second = try connect(socketPath)
        XCTAssertEqual(try second.execute(#"{"execute": "query-version", "id": 1}"#).hasSuffix(#""id": 1}"#), true)
    }

    /// A socket monitor serves one client at a time: a second client's
    /// connect succeeds, and it is greeted once the first leaves (T7).
    func testOneClientAtATime() throws {
        let socketPath = try addSocketMonitor("main")
        let first = try connect(socketPath)
        let second = try QMPTestClient.connect(unix: socketPath)
        XCTAssertTrue(second.receivesNothing(for: 0.2), "greeted while the first client is connected")
        XCTAssertEqual(try first.execute(#"{"execute": "query-version", "id": 1}"#).hasSuffix(#""id": 1}"#), true)
        first.close()
        XCTAssertTrue(try second.readLine().hasPrefix(#"{"QMP": "#))
        XCTAssertEqual(
            try second.execute(#"{"execute": "query-version"}"#),
            errorLine("Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound"))
    }

    /// query-qmp-schema is served whole from the generated data, and a
    /// response of megabytes reaches a slow reader complete (H8).
    func testLargeResponses() throws {
        let client = try connect(try addSocketMonitor("main"))
        let schema = json(try client.execute(#"{"execute": "query-qmp-schema"}"#))
        XCTAssertEqual(schema["return"], Introspection.schema.value)

        let size = 3 << 20
        try client.send(#"{"execute": "x-big", "arguments": {"size": \#(size)}}"#)
        let expected =
            Array(#"{"return": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: size) + Array("\"}\r\n".utf8)
        let received = try client.readSlowly(count: expected.count, chunk: 4096)
        XCTAssertTrue(received == expected, "the large response arrived damaged (\(received.count) bytes)")
        XCTAssertEqual(try client.execute(#"{"execute": "query-version", "id": 1}"#).hasSuffix(#""id": 1}"#), true)
    }

    /// query-commands lists every enabled command, qmp_capabilities and
    /// query-qmp-schema included.
    func testQueryCommands() throws {
        let client = try connect(try addSocketMonitor("main"))
        let names = (json(try client.execute(#"{"execute": "query-commands"}"#))["return"]?.arrayValue ?? [])
            .compactMap { $0["name"]?.stringValue }
        for name in [
            "qmp_capabilities", "query-version", "query-commands", "quit", "monitor-add", "monitor-remove",
            "query-monitors", "query-chardev", "chardev-add", "chardev-remove", "ringbuf-write", "ringbuf-read",
            "human-monitor-command", "query-qmp-schema",
        ] {
            XCTAssertTrue(names.contains(name), name)
        }
        XCTAssertEqual(
            try client.execute(#"{"execute": "qmp_capabilities"}"#),
            errorLine("Capabilities negotiation is already complete, command ignored", "CommandNotFound"))
    }
}
