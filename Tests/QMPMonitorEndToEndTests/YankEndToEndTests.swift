import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import XCTest

/// yank, query-yank, chardev-change and the `memory` alias in the
/// `qmp-monitor` process (spec Y1, Y2, O4, C5, C6), with QEMU 7.2's
/// texts. The blocked-dispatcher case needs a command that blocks, which
/// only the in-process tests have (`YankTests`).
final class YankEndToEndTests: XCTestCase {
    private var folder = ""
    private let done = #"{"return": {}}"#
    private let notFound = #"{"error": {"class": "DeviceNotFound", "desc": "Instance not found"}}"#

    override func setUpWithError() throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qmpy")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func path(_ name: String) -> String {
        folder + "/" + name
    }

    /// `-qmp` on `q.sock` (compat_monitor0), a `-mon` on chardev `s1`
    /// (`s1.sock`), a ringbuf, a memory ring and a listening socket
    /// without monitor.
    private func start() throws -> DaemonProcess {
        try DaemonProcess(
            [
                "-qmp", "unix:\(path("q.sock")),server=on,wait=off",
                "-chardev", "socket,id=s1,path=\(path("s1.sock")),server=on,wait=off", "-mon",
                "chardev=s1,mode=control",
                "-chardev", "ringbuf,id=r", "-chardev", "memory,id=m,size=1024",
                "-chardev", "socket,id=peer,path=\(path("peer.sock")),server=on,wait=off",
            ],
            in: folder)
    }

    private func client(_ name: String, enable: String = "") throws -> QMPTestClient {
        let client = try QMPTestClient.connect(unix: path(name), waitingUpTo: 10)
        XCTAssertTrue(try client.readLine().hasPrefix(#"{"QMP": "#))
        let arguments = enable.isEmpty ? "" : #", "arguments": {"enable": ["\#(enable)"]}"#
        XCTAssertEqual(try client.execute(#"{"execute": "qmp_capabilities"\#(arguments)}"#), done)
        return client
    }

    private func yank(_ ids: [String]) -> String {
        #"{"instances": [\#(ids.map { #"{"type": "chardev", "id": "\#($0)"}"# }.joined(separator: ", "))]}"#
    }

    private func quit(_ client: QMPTestClient, _ daemon: DaemonProcess) throws {
        try client.send(#"{"execute": "quit"}"#)
        XCTAssertTrue(client.waitForClose(discardingInput: true))
        XCTAssertEqual(daemon.waitForExit(), 0, daemon.standardError)
    }

    /// Y1, O4: the socket chardevs in creation order, `compat_monitor0`
    /// first; in band and out of band. Y2: the errors, and a failed yank
    /// yanks nothing; yanking another monitor's chardev drops its client
    /// and the chardev serves the next one.
    func testQueryYankAndYank() throws {
        let daemon = try start()
        let main = try client("q.sock", enable: "oob")
        let expected =
            #"[{"type": "chardev", "id": "compat_monitor0"}, {"type": "chardev", "id": "s1"}, {"type": "chardev", "id": "peer"}]"#
        XCTAssertEqual(try main.execute(#"{"execute": "query-yank"}"#), #"{"return": \#(expected)}"#)
        XCTAssertEqual(try main.execute(#"{"exec-oob": "query-yank", "id": 1}"#), #"{"return": \#(expected), "id": 1}"#)

        let other = try client("s1.sock")
        for ids in [["nope"], ["r"], ["m"], ["s1", "nope"]] {
            XCTAssertEqual(try main.execute(#"{"execute": "yank", "arguments": \#(yank(ids))}"#), notFound)
        }
        XCTAssertEqual(
            try main.execute(#"{"execute": "yank", "arguments": {"instances": [{"type": "migration"}]}}"#), notFound)
        XCTAssertEqual(
            try main.execute(
                #"{"execute": "yank", "arguments": {"instances": [{"type": "block-node", "node-name": "d"}]}}"#),
            notFound)
        XCTAssertEqual(
            try main.execute(#"{"execute": "yank", "arguments": {"instances": [{"type": "chardev"}]}}"#),
            #"{"error": {"class": "GenericError", "desc": "Parameter 'instances[0].id' is missing"}}"#)
        XCTAssertEqual(try main.execute(#"{"execute": "yank", "arguments": {"instances": []}}"#), done)
        XCTAssertEqual(try other.execute(#"{"execute": "query-name"}"#), done, "nothing was yanked")

        XCTAssertEqual(
            try main.execute(#"{"exec-oob": "yank", "arguments": \#(yank(["s1"])), "id": "y"}"#),
            #"{"return": {}, "id": "y"}"#)
        XCTAssertTrue(other.waitForClose())
        let next = try client("s1.sock")
        XCTAssertEqual(try next.execute(#"{"execute": "query-name"}"#), done)
        try quit(main, daemon)
    }

    /// Y2: a client yanking its own connection, out of band and in band,
    /// is dropped with no answer; `compat_monitor0` then serves the next
    /// client.
    func testSelfYank() throws {
        let daemon = try start()
        for request in [
            #"{"exec-oob": "yank", "arguments": \#(yank(["compat_monitor0"])), "id": 1}"#,
            #"{"execute": "yank", "arguments": \#(yank(["compat_monitor0"])), "id": 2}"#,
        ] {
            let main = try client("q.sock", enable: "oob")
            try main.send(request)
            XCTAssertTrue(main.waitForClose(), request)
        }
        try quit(try client("q.sock"), daemon)
    }

    /// C5: a client-mode unix socket is `unix:` while connected (QEMU
    /// 7.2), `disconnected:unix:PATH` once yanked; `memory` is reported as
    /// such.
    func testClientSocketAndMemoryFilenames() throws {
        let daemon = try start()
        let main = try client("q.sock")
        let add =
            #"{"execute": "chardev-add", "arguments": {"id": "cl", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("peer.sock"))"}}, "server": false}}}}"#
        XCTAssertEqual(try main.execute(add), done)
        var listing = try main.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertTrue(listing.contains(#"{"frontend-open": false, "filename": "unix:", "label": "cl"}"#), listing)
        XCTAssertTrue(listing.contains(#"{"frontend-open": false, "filename": "memory", "label": "m"}"#), listing)
        XCTAssertEqual(try main.execute(#"{"execute": "yank", "arguments": \#(yank(["cl"]))}"#), done)
        listing = try main.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertTrue(
            listing.contains(
                #"{"frontend-open": false, "filename": "disconnected:unix:\#(path("peer.sock"))", "label": "cl"}"#),
            listing)
        try quit(main, daemon)
    }

    /// C6: unknown ids, a monitor's chardev, a replaced ringbuf and
    /// socket (whose yank instance moves to the end), and the quirk of a
    /// failing new backend, which leaves no chardev.
    func testChardevChange() throws {
        let daemon = try start()
        let main = try client("q.sock")
        func change(_ id: String, _ backend: String) throws -> String {
            try main.execute(#"{"execute": "chardev-change", "arguments": {"id": "\#(id)", "backend": \#(backend)}}"#)
        }
        let null = #"{"type": "null", "data": {}}"#
        XCTAssertEqual(
            try change("nope", null), #"{"error": {"class": "GenericError", "desc": "Chardev 'nope' does not exist"}}"#)
        for id in ["compat_monitor0", "s1"] {
            XCTAssertEqual(
                try change(id, null),
                #"{"error": {"class": "GenericError", "desc": "Chardev user does not support chardev hotswap"}}"#)
        }
        XCTAssertEqual(
            try main.execute(#"{"execute": "ringbuf-write", "arguments": {"device": "r", "data": "x"}}"#), done)
        XCTAssertEqual(try change("r", #"{"type": "ringbuf", "data": {"size": 32}}"#), done)
        XCTAssertEqual(
            try main.execute(#"{"execute": "ringbuf-read", "arguments": {"device": "r", "size": 9}}"#),
            #"{"return": ""}"#)
        XCTAssertEqual(
            try main.execute(
                #"{"execute": "chardev-add", "arguments": {"id": "late", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("late.sock"))"}}}}}}"#
            ),
            done)
        XCTAssertEqual(
            try change(
                "peer",
                #"{"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("p2.sock"))"}}}}"#),
            done)
        XCTAssertEqual(
            try main.execute(#"{"execute": "query-yank"}"#),
            #"{"return": [{"type": "chardev", "id": "compat_monitor0"}, {"type": "chardev", "id": "s1"}, {"type": "chardev", "id": "late"}, {"type": "chardev", "id": "peer"}]}"#
        )
        XCTAssertEqual(
            try change("m", #"{"type": "memory", "data": {"size": 3}}"#),
            #"{"error": {"class": "GenericError", "desc": "Failed to add chardev 'm': size of ringbuf chardev must be power of two"}}"#
        )
        XCTAssertEqual(
            try change("m", null), #"{"error": {"class": "GenericError", "desc": "Chardev 'm' does not exist"}}"#)
        let listing = try main.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertFalse(listing.contains(#""label": "m""#), listing)
        XCTAssertTrue(
            listing.contains(
                #"{"frontend-open": false, "filename": "disconnected:unix:\#(path("p2.sock")),server=on", "label": "peer"}"#
            ), listing)
        try quit(main, daemon)
    }
}
