import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// chardev-change (spec C6) and the `memory` alias of `ringbuf` (spec C5),
/// with QEMU 7.2's texts.
final class ChardevChangeTests: ServerTestCase {
    private var client: QMPTestClient!

    override func setUpWithError() throws {
        try super.setUpWithError()
        client = try connect(try addSocketMonitor("main"))
    }

    private func run(_ command: String, _ arguments: String) throws -> String {
        try client.execute(#"{"execute": "\#(command)", "arguments": \#(arguments)}"#)
    }

    private func change(_ id: String, _ backend: String) throws -> String {
        try run("chardev-change", #"{"id": "\#(id)", "backend": \#(backend)}"#)
    }

    private func socket(_ name: String, _ extra: String = "") -> String {
        #"{"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path(name))"}}\#(extra)}}"#
    }

    /// query-chardev's entries as label: filename, sorted by label.
    private func chardevs() throws -> [String] {
        let list = json(try client.execute(#"{"execute": "query-chardev"}"#))["return"]?.arrayValue ?? []
        return list.map { "\($0["label"]?.stringValue ?? "?"): \($0["filename"]?.stringValue ?? "?")" }.sorted()
    }

    /// Unknown ids, chardevs held by a monitor (checked before the new
    /// backend is looked at), and argument errors as for chardev-add.
    func testErrors() throws {
        XCTAssertEqual(try change("nope", #"{"type": "null", "data": {}}"#), errorLine("Chardev 'nope' does not exist"))
        XCTAssertEqual(
            try change("main-chr", #"{"type": "null", "data": {}}"#),
            errorLine("Chardev user does not support chardev hotswap"))
        XCTAssertEqual(
            try change("main-chr", #"{"type": "ringbuf", "data": {"size": 3}}"#),
            errorLine("Chardev user does not support chardev hotswap"))
        try server.chardevs.add(id: "r", backend: .ringbuf())
        XCTAssertEqual(try run("monitor-add", #"{"id": "ring", "chardev": "r"}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try change("r", #"{"type": "null", "data": {}}"#),
            errorLine("Chardev user does not support chardev hotswap"))
        XCTAssertEqual(
            try change("x", #"{"type": "bogus"}"#), errorLine("Parameter 'type' does not accept value 'bogus'"))
        XCTAssertEqual(try change("x", #"{"type": "memory"}"#), errorLine("Parameter 'backend.data' is missing"))
        XCTAssertEqual(
            try change("x", #"{"type": "socket", "data": {}}"#), errorLine("Parameter 'backend.data.addr' is missing"))
        XCTAssertEqual(try run("chardev-change", #"{"id": "x"}"#), errorLine("Parameter 'backend' is missing"))
        XCTAssertEqual(
            try run("chardev-change", #"{"backend": {"type": "null", "data": {}}}"#),
            errorLine("Parameter 'id' is missing"))
        XCTAssertEqual(
            try run("chardev-change", #"{"id": "x", "backend": {"type": "null", "data": {}}, "extra": 1}"#),
            errorLine("Parameter 'extra' is unexpected"))
        XCTAssertEqual(try client.execute(#"{"execute": "query-name"}"#), #"{"return": {}}"#, "the monitor still works")
    }

    /// A chardev without a frontend gets its new backend under the same
    /// id: its old state (ring contents, a connected client) is gone.
    func testChangesAChardevWithoutFrontend() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "ringbuf", "data": {"size": 16}}}"#),
            #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-write", #"{"device": "r", "data": "hello"}"#), #"{"return": {}}"#)
        XCTAssertEqual(try change("r", #"{"type": "ringbuf", "data": {"size": 32}}"#), #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "r", "size": 100}"#), #"{"return": ""}"#)
        XCTAssertEqual(try change("r", #"{"type": "memory", "data": {}}"#), #"{"return": {}}"#)
        XCTAssertEqual(try change("r", socket("r.sock")), #"{"return": {}}"#)
        XCTAssertEqual(
            try chardevs(),
            ["main-chr: unix:\(path("main-chr.sock")),server=on", "r: disconnected:unix:\(path("r.sock")),server=on"])
        let peer = try QMPTestClient.connect(unix: path("r.sock"))
        XCTAssertEqual(try change("r", socket("r2.sock")), #"{"return": {}}"#)
        XCTAssertTrue(peer.waitForClose(), "the old backend's client is dropped")
        XCTAssertEqual(try change("r", #"{"type": "null", "data": {}}"#), #"{"return": {}}"#)
        XCTAssertEqual(try chardevs(), ["main-chr: unix:\(path("main-chr.sock")),server=on", "r: null"])
    }

    /// C6's quirk: the old chardev is removed before the new backend
    /// opens, so when that fails the chardev is gone and the error is
    /// chardev-add's.
    func testFailedChangeLeavesNoChardev() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "r", "backend": {"type": "memory", "data": {}}}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try change("r", #"{"type": "ringbuf", "data": {"size": 3}}"#),
            errorLine("Failed to add chardev 'r': size of ringbuf chardev must be power of two"))
        XCTAssertEqual(try chardevs(), ["main-chr: unix:\(path("main-chr.sock")),server=on"])
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "r", "size": 1}"#), errorLine("Device 'r' not found"))
        XCTAssertEqual(try change("r", #"{"type": "null", "data": {}}"#), errorLine("Chardev 'r' does not exist"))

        XCTAssertEqual(
            try run("chardev-add", #"{"id": "s", "backend": {"type": "null", "data": {}}}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try change("s", socket("none.sock", #", "server": false"#)),
            errorLine(
                "Failed to add chardev 's': Failed to connect to '\(path("none.sock"))': No such file or directory"))
        XCTAssertEqual(try chardevs(), ["main-chr: unix:\(path("main-chr.sock")),server=on"])
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "s", "backend": {"type": "null", "data": {}}}"#), #"{"return": {}}"#)
    }

    /// C5: `memory` is `ringbuf` under another name, which query-chardev
    /// and `info chardev` report; the ring commands work on it.
    func testMemoryAlias() throws {
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "m", "backend": {"type": "memory", "data": {"size": 3}}}"#),
            errorLine("Failed to add chardev 'm': size of ringbuf chardev must be power of two"))
        XCTAssertEqual(
            try run("chardev-add", #"{"id": "m", "backend": {"type": "memory", "data": {}}}"#), #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-write", #"{"device": "m", "data": "abc"}"#), #"{"return": {}}"#)
        XCTAssertEqual(try run("ringbuf-read", #"{"device": "m", "size": 10}"#), #"{"return": "abc"}"#)
        let line = try client.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertTrue(line.contains(#"{"frontend-open": false, "filename": "memory", "label": "m"}"#), line)
        XCTAssertEqual(server.chardevs.chardev(id: "m")?.backend, .memory)
        XCTAssertEqual(
            try run("human-monitor-command", #"{"command-line": "info chardev"}"#).contains(#"m: filename=memory\r\n"#),
            true)
    }
}
