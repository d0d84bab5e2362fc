import QAPIRuntime
import QMPMonitor
import XCTest

/// Spec G1–G3, T2, T3, T7: the greeting and the output layouts.
final class SessionGreetingTests: XCTestCase {
    private let compactGreeting =
        #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": ["oob"]}}"#

    func testGreetingIsQEMUsBytes() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true))
        XCTAssertEqual(session.mode, .closed)
        XCTAssertEqual(session.opened(), [.write(wireBytes(compactGreeting))])
        XCTAssertEqual(session.mode, .negotiating)
        XCTAssertFalse(session.isOOBEnabled)
    }

    func testGreetingWithoutIOThreadOffersNothing() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: false))
        let greeting =
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": []}}"#
        XCTAssertEqual(session.opened(), [.write(wireBytes(greeting))])
        XCTAssertEqual(session.offeredCapabilities, [])
    }

    func testPrettyGreeting() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true, pretty: true))
        let expected = [
            "{",
            #"    "QMP": {"#,
            #"        "version": {"#,
            #"            "qemu": {"#,
            #"                "micro": 0,"#,
            #"                "minor": 0,"#,
            #"                "major": 10"#,
            "            },",
            #"            "package": """#,
            "        },",
            #"        "capabilities": ["#,
            #"            "oob""#,
            "        ]",
            "    }",
            "}",
        ].map { $0 + "\r\n" }.joined()
        XCTAssertEqual(session.opened(), [.write(Array(expected.utf8))])
    }

    func testPrettyGreetingWithoutCapabilities() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: false, pretty: true))
        guard case .write(let bytes)? = session.opened().first else { return XCTFail("no greeting") }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\"capabilities\": [\r\n        ]\r\n    }\r\n}\r\n"), text)
    }

    func testPrettyResponsesAndEvents() async {
        let harness = SessionHarness(pretty: true)
        harness.open()
        _ = harness.takeOutput()
        await harness.feed(#"{"execute": "qmp_capabilities", "id": 1}"#)
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), "{\r\n    \"return\": {\r\n    },\r\n    \"id\": 1\r\n}\r\n")
        await harness.feed(#"{"execute": "nope"}"#)
        await harness.drain()
        XCTAssertEqual(
            harness.takeOutput(),
            "{\r\n    \"error\": {\r\n        \"class\": \"CommandNotFound\",\r\n"
                + "        \"desc\": \"The command nope has not been found\"\r\n    }\r\n}\r\n")
        harness.emit("STOP")
        XCTAssertEqual(
            harness.takeOutput(),
            "{\r\n    \"timestamp\": {\r\n        \"seconds\": 1700000000,\r\n        \"microseconds\": 123456\r\n"
                + "    },\r\n    \"event\": \"STOP\"\r\n}\r\n")
    }

    func testEmptyReturnPretty() async {
        let harness = SessionHarness(pretty: true)
        harness.open()
        _ = harness.takeOutput()
        await harness.feed(#"{"execute": "qmp_capabilities"}"#)
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), "{\r\n    \"return\": {\r\n    }\r\n}\r\n")
    }

    func testReconnectGreetsAgainAndResetsCapabilities() async {
        let harness = SessionHarness()
        await harness.openNegotiated(oob: true)
        XCTAssertTrue(harness.session.isOOBEnabled)
        harness.close()
        XCTAssertEqual(harness.session.mode, .closed)
        XCTAssertFalse(harness.session.isOOBEnabled)
        harness.open()
        XCTAssertEqual(harness.takeOutput(), wire(compactGreeting))
        XCTAssertEqual(harness.session.mode, .negotiating)
        await harness.feed(#"{"execute": "query-status", "id": 2}"#)
        await harness.drain()
        XCTAssertEqual(
            harness.takeOutput(),
            wire(
                errorResponse("Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound", id: "2"))
        )
    }

    func testCompactOutputEscapesAsQEMU() async {
        let harness = SessionHarness()
        await harness.openNegotiated()
        await harness.feed(#"{"execute": "lookup", "arguments": {"path": "/a\u00e9\ud83d\ude00/\"q\""}, "id": 'x'}"#)
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), wire(#"{"return": "/a\u00E9\uD83D\uDE00/\"q\"", "id": "x"}"#))
    }
}
