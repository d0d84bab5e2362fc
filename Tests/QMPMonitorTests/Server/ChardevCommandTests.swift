import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// chardev-add, chardev-remove, query-chardev and the ring-buffer
/// commands over QMP (spec C).
final class ChardevCommandTests: ServerTestCase {
    private var client: QMPTestClient!

    override func setUpWithError() throws {
        try super.setUpWithError()
        client = try connect(try addSocketMonitor("main"))
    }

    private func run(_ command: String, _ arguments: String) throws -> String {
        try client.execute(#"{"execute": "\#(command)", "arguments": \#(arguments)}"#)
    }

    private func chardevs() throws -> [JSONValue] {
        let list = json(try client.execute(#"{"execute": "query-chardev"}"#))["return"]?.arrayValue ?? []
        return list.sorted { ($0["label"]?.stringValue ?? "") < ($1["label"]?.stringValue ?? "") }
    }

    /// Adding each backend, listing, removing (C1, C3, C4, C5).
    func testAddListRemove() throws {
        let socketPath = path("s.sock")
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "n", "backend": {"type": "null", "data": {}}}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "ringbuf", "data": {"size": 1024}}}"#),
            #"{"return": {}}"#)
        XCTAssertEqual(
            try run(
                "chardev-add",
                #"{"id": "s", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(socketPath)"}}, "server": true, "wait": false}}}"#
            ),
            #"{"return": {}}"#)
        XCTAssertEqual(
            try chardevs(),
            [
                [
                    "frontend-open": true, "filename": .string("unix:\(path("main-chr.sock")),server=on"),
                    "label": "main-chr",
                ],
                ["frontend-open": false, "filename": "null", "label": "n"],
                ["frontend-open": false, "filename": "ringbuf", "label": "r"],
                [
                    "frontend-open": false, "filename": .string("disconnected:unix:\(socketPath),server=on"),
                    "label": "s",
                ],
            ])
        let line = try client.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertTrue(line.contains(#"{"frontend-open": false, "filename": "null", "label": "n"}"#), line)
        for id in ["n", "r", "s"] {
            XCTAssertEqual(try run("chardev-remove", #"{"id": "\#(id)"}"#), #"{"return": {}}"#)
        }
        XCTAssertEqual(try chardevs().count, 1)
    }

    /// The error texts and their order (C1, C2, C4, A).
    func testErrors() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "ringbuf", "data": {"size": 3}}}"#),
            errorLine("Failed to add chardev 'r': size of ringbuf chardev must be power of two"))
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "main-chr", "backend": {"type": "ringbuf", "data": {"size": 3}}}"#),
            errorLine("Chardev with id 'main-chr' already exists"))
        XCTAssertEqual(
            try run(
                "chardev-add",
                #"{"id": "s", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "/nonexistent/dir/s.sock"}}}}}"#
            ),
            errorLine(
                "Failed to add chardev 's': Failed to bind socket to /nonexistent/dir/s.sock: No such file or directory"
            ))
        XCTAssertEqual(
            try run(
                "chardev-add",
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("none.sock"))"}}, "server": false, "wait": false}}}"#
            ),
            errorLine("Failed to add chardev 'c': 'wait' option is incompatible with socket in client connect mode"))
        XCTAssertEqual(
            try run(
                "chardev-add",
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("none.sock"))"}}, "server": false}}}"#
            ),
            errorLine(
                "Failed to add chardev 'c': Failed to connect to '\(path("none.sock"))': No such file or directory"))
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "x", "backend": {"type": "bogus"}}"#),
            errorLine("Parameter 'type' does not accept value 'bogus'"))
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "x", "backend": {"type": "socket", "data": {}}}"#),
            errorLine("Parameter 'backend.data.addr' is missing"))
        XCTAssertEqual(try run("chardev-remove", #"{"id": "nope"}"#), errorLine("Chardev 'nope' not found"))
        XCTAssertEqual(try run("chardev-remove", #"{"id": "main-chr"}"#), errorLine("Chardev 'main-chr' is busy"))
        XCTAssertEqual(try run("chardev-remove", #"{"extra": 1}"#), errorLine("Parameter 'id' is missing"))
        XCTAssertEqual(try chardevs().count, 1, "a failed add leaves nothing behind")
    }

    /// ringbuf-write and ringbuf-read, utf8 and base64, and their errors.
    func testRingbuf() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "ringbuf", "data": {"size": 8}}}"#),
            #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-write", #"{"device": "r", "data": "héllo"}"#), #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "r", "size": 3}"#), #"{"return": "h\u00E9"}"#)
        XCTAssertEqual(
            try run("ringbuf-read", #"{"device": "r", "size": 100, "format": "base64"}"#), #"{"return": "bGxv"}"#)
        XCTAssertEqual(
            try run("ringbuf-write", #"{"device": "r", "data": "AAECAwQFBgcICQ==", "format": "base64"}"#),
            #"{"return": {}}"#)
        XCTAssertEqual(
            try run("ringbuf-read", #"{"device": "r", "size": 100, "format": "base64"}"#),
            #"{"return": "AgMEBQYHCAk="}"#)
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "r", "size": 10}"#), #"{"return": ""}"#)
        XCTAssertEqual(
            try run("ringbuf-write", #"{"device": "r", "data": "a*b", "format": "base64"}"#),
            errorLine("Base64 data contains invalid characters"))
        XCTAssertEqual(
            try run("ringbuf-read", #"{"device": "r", "size": 0}"#), errorLine("size must be greater than zero"))
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "nope", "size": 1}"#), errorLine("Device 'nope' not found"))
        XCTAssertEqual(
            try run("ringbuf-write", #"{"device": "main-chr", "data": "x"}"#),
            errorLine("main-chr is not a ringbuf device"))
    }

    /// A QMP monitor on a ringbuf writes its greeting into the ring, and
    /// offers no OOB there (G2).
    func testMonitorOnRingbuf() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "ringbuf", "data": {}}}"#), #"{"return": {}}"#)
        XCTAssertEqual(try run("monitor-add", #"{"id": "ring", "chardev": "r"}"#), #"{"return": {}}"#)
        let greeting =
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": []}}\r\n"#
        var text = ""
        for _ in 0..<100 where text.isEmpty {
            text = json(try run("ringbuf-read", #"{"device": "r", "size": 4096}"#))["return"]?.stringValue ?? ""
        }
        XCTAssertEqual(text, greeting.replacingOccurrences(of: #"\r\n"#, with: "\r\n"))
    }
}
