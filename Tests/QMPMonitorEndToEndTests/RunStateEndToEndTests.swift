import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import XCTest

/// The run state of the `qmp-monitor` process: `-S`, `-name`, the
/// commands, their events and who receives them (spec S1–S7, E2, E3,
/// N6), with QEMU 7.2's texts.
final class RunStateEndToEndTests: XCTestCase {
    private var folder = ""
    private let running = #"{"return": {"status": "running", "singlestep": false, "running": true}}"#
    private let paused = #"{"return": {"status": "paused", "singlestep": false, "running": false}}"#
    private let prelaunch = #"{"return": {"status": "prelaunch", "singlestep": false, "running": false}}"#
    private let done = #"{"return": {}}"#
    private let reset = eventLine("RESET", data: #"{"guest": false, "reason": "host-qmp-system-reset"}"#)

    override func setUpWithError() throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qmpr")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func path(_ name: String) -> String {
        folder + "/" + name
    }

    /// A daemon with two QMP sockets (`a.sock`, `b.sock`) and a human
    /// monitor (`h.sock`), plus `extra` options.
    private func start(_ extra: [String]) throws -> DaemonProcess {
        try DaemonProcess(
            [
                "-qmp", "unix:\(path("a.sock")),server=on,wait=off", "-qmp",
                "unix:\(path("b.sock")),server=on,wait=off",
                "-monitor", "unix:\(path("h.sock")),server=on,wait=off",
            ] + extra,
            in: folder)
    }

    private func client(_ name: String, negotiate: Bool = true) throws -> QMPTestClient {
        let client = try QMPTestClient.connect(unix: path(name), waitingUpTo: 10)
        XCTAssertTrue(try client.readLine().hasPrefix(#"{"QMP": "#))
        if negotiate { XCTAssertEqual(try client.execute(#"{"execute": "qmp_capabilities"}"#), done) }
        return client
    }

    /// Runs `command` (no arguments): the events it caused, then its response.
    private func run(_ client: QMPTestClient, _ command: String) throws -> [String] {
        try client.executeWithEvents(#"{"execute": "\#(command)"}"#)
    }

    private func quit(_ client: QMPTestClient, _ daemon: DaemonProcess) throws {
        _ = try run(client, "quit")
        XCTAssertEqual(daemon.waitForExit(), 0, daemon.standardError)
    }

    /// Without options: running, no name; every transition of S2–S5 with
    /// its event before the return, and the events on the other
    /// negotiated monitor only (S6).
    func testCommandsAndEvents() throws {
        let daemon = try start([])
        let a = try client("a.sock")
        let b = try client("b.sock", negotiate: false)
        XCTAssertEqual(try run(a, "query-status"), [running])
        XCTAssertEqual(try run(a, "query-name"), [done])
        XCTAssertEqual(try run(a, "stop"), [eventLine("STOP"), done])
        XCTAssertEqual(try run(a, "stop"), [done])
        XCTAssertEqual(try run(a, "query-status"), [paused])
        XCTAssertEqual(try run(a, "cont"), [eventLine("RESUME"), done])
        XCTAssertEqual(try run(a, "cont"), [done])
        XCTAssertEqual(try run(a, "system_reset"), [reset, done])
        XCTAssertEqual(try run(a, "query-status"), [running])
        XCTAssertEqual(try run(a, "stop"), [eventLine("STOP"), done])
        XCTAssertEqual(try run(a, "system_reset"), [reset, done])
        XCTAssertEqual(try run(a, "query-status"), [prelaunch])
        XCTAssertEqual(try run(a, "system_powerdown"), [eventLine("POWERDOWN"), done])
        XCTAssertEqual(try run(a, "query-status"), [prelaunch])
        XCTAssertEqual(try run(a, "cont"), [eventLine("RESUME"), done])

        XCTAssertEqual(try run(b, "qmp_capabilities"), [done], "no event reached the negotiating monitor")
        XCTAssertEqual(try run(b, "stop"), [eventLine("STOP"), done])
        XCTAssertEqual(withoutTimestamps(try a.readLine()), eventLine("STOP"))
        XCTAssertEqual(try run(a, "query-status"), [paused])
        try quit(a, daemon)
    }

    /// `-S` starts in prelaunch, `-name` feeds query-name (S1, S7); the
    /// human monitor reports both and acts on stop and cont, its events
    /// reaching QMP.
    func testPausedAndNamed() throws {
        let daemon = try start(["-S", "-name", "vm-1"])
        let a = try client("a.sock")
        XCTAssertEqual(try run(a, "query-status"), [prelaunch])
        XCTAssertEqual(try run(a, "query-name"), [#"{"return": {"name": "vm-1"}}"#])
        XCTAssertEqual(try run(a, "stop"), [done])
        XCTAssertEqual(try run(a, "query-status"), [prelaunch])

        let human = try QMPTestClient.connect(unix: path("h.sock"), waitingUpTo: 10)
        XCTAssertEqual(try human.readLine(), "swift-qapi 0.1.0 monitor - type 'help' for more information")
        XCTAssertEqual(try human.read(count: 7), "(qemu) ")
        try human.send("info status\ninfo name\ncont\ninfo status\n")
        XCTAssertEqual(try human.readLine(), "VM status: paused (prelaunch)")
        XCTAssertEqual(try human.read(count: 7), "(qemu) ")
        XCTAssertEqual(try human.readLine(), "vm-1")
        XCTAssertEqual(try human.read(count: 14), "(qemu) (qemu) ")
        XCTAssertEqual(try human.readLine(), "VM status: running")
        XCTAssertEqual(withoutTimestamps(try a.readLine()), eventLine("RESUME"))
        try quit(a, daemon)
    }

    /// `-name guest=NAME,...` and an empty `-name` as QEMU reads them.
    func testNameForms() throws {
        for (option, expected) in [
            ("guest=vm-2,process=p,debug-threads=on", #"{"return": {"name": "vm-2"}}"#),
            ("guest=", #"{"return": {"name": ""}}"#),
            ("", done),
            ("a,,b", #"{"return": {"name": "a,b"}}"#),
        ] {
            let daemon = try start(["-name", option])
            let a = try client("a.sock")
            XCTAssertEqual(try run(a, "query-name"), [expected], option)
            try quit(a, daemon)
        }
    }
}
