import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// Monitor hotplug over real unix sockets (spec H).
final class HotplugTests: ServerTestCase {
    private let hotChardev =
        #"{"execute": "chardev-add", "arguments": {"id": "hot0", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "PATH"}}, "server": true, "wait": false}}}}"#

    private func addHotChardev(_ client: QMPTestClient, _ socketPath: String) throws {
        let request = hotChardev.replacingOccurrences(of: "PATH", with: socketPath)
        XCTAssertEqual(try client.execute(request), #"{"return": {}}"#)
    }

    /// chardev-add, monitor-add, a client connects, negotiates and runs
    /// commands, query-monitors lists it, monitor-remove drops it,
    /// chardev-remove succeeds, and id and chardev can be used again
    /// (H1, H2, H4, H6).
    func testHotplugCycle() throws {
        let main = try connect(try addSocketMonitor("main"))
        let hotPath = path("hot.sock")
        try addHotChardev(main, hotPath)
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-add", "arguments": {"id": "hot", "chardev": "hot0"}}"#),
            #"{"return": {}}"#)

        let hot = try QMPTestClient.connect(unix: hotPath)
        XCTAssertEqual(
            try hot.readLine(),
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": ["oob"]}}"#
        )
        XCTAssertEqual(
            try hot.execute(#"{"execute": "query-version", "id": 1}"#),
            errorLine("Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound", id: "1"))
        XCTAssertEqual(try hot.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try hot.execute(#"{"execute": "query-version", "id": 2}"#),
            #"{"return": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "id": 2}"#)

        let listed = json(try main.execute(#"{"execute": "query-monitors"}"#))["return"]?.arrayValue ?? []
        XCTAssertTrue(listed.contains(["id": "hot", "mode": "control", "chardev": "hot0"]), "\(listed)")
        XCTAssertTrue(listed.contains(["id": "main", "mode": "control", "chardev": "main-chr"]), "\(listed)")

        XCTAssertEqual(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "hot0"}}"#),
            errorLine("Chardev 'hot0' is busy"))
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {"id": "hot"}}"#), #"{"return": {}}"#)
        XCTAssertTrue(hot.waitForClose(), "monitor-remove drops the client")
        let after = json(try main.execute(#"{"execute": "query-monitors"}"#))["return"]?.arrayValue ?? []
        XCTAssertEqual(after, [["id": "main", "mode": "control", "chardev": "main-chr"]])
        XCTAssertEqual(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "hot0"}}"#), #"{"return": {}}"#)

        try addHotChardev(main, hotPath)
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-add", "arguments": {"id": "hot", "chardev": "hot0"}}"#),
            #"{"return": {}}"#)
        let again = try connect(hotPath)
        XCTAssertEqual(try again.execute(#"{"execute": "query-monitors", "id": "q"}"#).hasSuffix(#""id": "q"}"#), true)
    }

    /// A monitor that removes itself gets its response, with id, before
    /// the connection drops; it is then unlisted and its chardev free (H5).
    func testSelfRemoval() throws {
        let main = try connect(try addSocketMonitor("main"))
        let hot = try connect(try addSocketMonitor("hot", chardev: "hot0"))
        XCTAssertEqual(
            try hot.execute(#"{"execute": "monitor-remove", "arguments": {"id": "hot"}, "id": 7}"#),
            #"{"return": {}, "id": 7}"#)
        XCTAssertTrue(hot.waitForClose())
        let listed = json(try main.execute(#"{"execute": "query-monitors"}"#))["return"]?.arrayValue ?? []
        XCTAssertEqual(listed, [["id": "main", "mode": "control", "chardev": "main-chr"]])
        XCTAssertEqual(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "hot0"}}"#), #"{"return": {}}"#)
    }

    /// Requests pipelined after a self-removal are dropped without response.
    func testSelfRemovalDropsLaterRequests() throws {
        let hot = try connect(try addSocketMonitor("hot"), enable: ["oob"])
        try hot.send(
            #"{"execute": "monitor-remove", "arguments": {"id": "hot"}, "id": 1}{"execute": "query-version", "id": 2}"#)
        XCTAssertEqual(try hot.readLine(), #"{"return": {}, "id": 1}"#)
        XCTAssertTrue(hot.waitForClose())
    }

    /// monitor-add's checks, in order (H1), and its argument errors (A).
    func testMonitorAddErrors() throws {
        let main = try connect(try addSocketMonitor("main"))
        try addSocketChardev("free")
        func add(_ arguments: String) throws -> String {
            try main.execute(#"{"execute": "monitor-add", "arguments": \#(arguments)}"#)
        }
        XCTAssertEqual(try add(#"{"id": "main", "chardev": "nope"}"#), errorLine("monitor 'main' already exists"))
        XCTAssertEqual(try add(#"{"id": "new", "chardev": "nope"}"#), errorLine("chardev 'nope' not found"))
        XCTAssertEqual(
            try add(#"{"id": "new", "chardev": "main-chr"}"#), errorLine("chardev 'main-chr' is already in use"))
        XCTAssertEqual(try add(#"{"chardev": "free"}"#), errorLine("Parameter 'id' is missing"))
        XCTAssertEqual(
            try add(#"{"id": "new", "chardev": "free", "pretty": 1}"#),
            errorLine("Invalid parameter type for 'pretty', expected: boolean"))
        XCTAssertEqual(
            try add(#"{"id": "new", "chardev": "free", "extra": 1}"#), errorLine("Parameter 'extra' is unexpected"))
        XCTAssertEqual(try add(#"{"id": "new", "chardev": "free"}"#), #"{"return": {}}"#)
        XCTAssertEqual(try add(#"{"id": "other", "chardev": "free"}"#), errorLine("chardev 'free' is already in use"))
    }

    /// monitor-remove's checks (H3): unknown ids and human monitors.
    func testMonitorRemoveErrors() throws {
        let main = try connect(try addSocketMonitor("main"))
        try addSocketMonitor("human", mode: .readline)
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {"id": "nope"}}"#),
            errorLine("monitor 'nope' not found"))
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {"id": "human"}}"#),
            errorLine("monitor 'human' is not a QMP monitor"))
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {}}"#), errorLine("Parameter 'id' is missing")
        )
    }

    /// A monitor created at start-up (as `-mon` does) is listed and can be
    /// removed (H7, v4); a monitor on a chardev nobody connects to as well.
    func testStartupMonitorsAreRemovable() throws {
        let main = try connect(try addSocketMonitor("main"))
        try server.chardevs.add(id: "quiet", backend: .null)
        let automatic = try server.addMonitor(id: nil, chardev: "quiet")
        XCTAssertEqual(automatic, "monitor0")
        XCTAssertEqual(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "quiet"}}"#),
            errorLine("Chardev 'quiet' is busy"))
        XCTAssertEqual(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {"id": "monitor0"}}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "quiet"}}"#), #"{"return": {}}"#)
    }

    /// query-monitors reports mon_list reversed, and serving a monitor
    /// moves it to the tail (H6, Q3).
    func testQueryMonitorsOrder() throws {
        let first = try connect(try addSocketMonitor("first"))
        let second = try connect(try addSocketMonitor("second"))
        let query = #"{"execute": "query-monitors"}"#
        func ids(_ line: String) -> [String] {
            (json(line)["return"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        }
        // mon_list is [second, first]; serving first moves it to the tail.
        XCTAssertEqual(ids(try first.execute(query)), ["first", "second"])
        // Serving second moves it to the tail: [first, second].
        XCTAssertEqual(ids(try second.execute(query)), ["second", "first"])
        XCTAssertEqual(ids(try first.execute(query)), ["first", "second"])
    }

    /// A pretty monitor writes every message in the pretty layout (T3).
    func testPrettyMonitor() throws {
        let main = try connect(try addSocketMonitor("main"))
        let prettyPath = try addSocketChardev("pretty0")
        XCTAssertEqual(
            try main.execute(
                #"{"execute": "monitor-add", "arguments": {"id": "p", "chardev": "pretty0", "pretty": true}}"#),
            #"{"return": {}}"#)
        let client = try QMPTestClient.connect(unix: prettyPath)
        XCTAssertEqual(try client.readLine(), "{")
        XCTAssertEqual(try client.readLine(), #"    "QMP": {"#)
        while try client.readLine() != "}" {}
        try client.send(#"{"execute": "qmp_capabilities"}"#)
        let expected = "{\r\n    \"return\": {\r\n    }\r\n}\r\n"
        XCTAssertEqual(try client.read(count: expected.utf8.count), expected)
    }
}
