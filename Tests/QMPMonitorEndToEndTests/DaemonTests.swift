import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import XCTest

/// `qmp-monitor` as a process, talked to over real sockets and pipes.
final class DaemonTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qmpd")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func path(_ name: String) -> String {
        folder + "/" + name
    }

    private func json(_ line: String) throws -> JSONValue {
        try JSONValue(parsing: line)
    }

    /// Connects, checks the greeting, negotiates.
    private func negotiatedClient(_ socketPath: String) throws -> QMPTestClient {
        let client = try QMPTestClient.connect(unix: socketPath, waitingUpTo: 10)
        XCTAssertEqual(
            try client.readLine(),
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 1, "major": 0}, "package": "swift-qapi"}, "capabilities": ["oob"]}}"#
        )
        try client.send(#"{"execute": "qmp_capabilities"}"#)
        XCTAssertEqual(try client.readLine(), #"{"return": {}}"#)
        return client
    }

    /// Sends quit and checks SHUTDOWN, the return, the close and exit 0.
    private func quit(_ client: QMPTestClient, _ daemon: DaemonProcess) throws {
        try client.send(#"{"execute": "quit"}"#)
        let event = try json(try client.readLine())
        XCTAssertEqual(event["event"], "SHUTDOWN")
        XCTAssertEqual(event["data"], ["guest": false, "reason": "host-qmp-quit"])
        XCTAssertEqual(try client.readLine(), #"{"return": {}}"#)
        XCTAssertTrue(client.waitForClose())
        XCTAssertEqual(daemon.waitForExit(), 0, daemon.standardError)
    }

    /// `-qmp unix:...`: greeting, negotiation, query-version, the
    /// introspection data equal to `qapi-gen --introspection`, quit.
    func testServesQMPOnUnixSocket() throws {
        let socketPath = path("qmp.sock")
        let daemon = try DaemonProcess(["-qmp", "unix:\(socketPath),server=on,wait=off"], in: folder)
        let client = try negotiatedClient(socketPath)
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-version", "id": 1}"#),
            #"{"return": {"qemu": {"micro": 0, "minor": 1, "major": 0}, "package": "swift-qapi"}, "id": 1}"#)

        let generated = try TestEnvironment.runQAPIGen(
            ["--introspection", "qapi/qapi-schema.json"], in: TestEnvironment.repositoryRoot)
        XCTAssertEqual(generated.status, 0)
        let expected = try JSONValue(parsing: String(decoding: generated.standardOutput, as: UTF8.self))
        let served = try json(try client.execute(#"{"execute": "query-qmp-schema"}"#))
        XCTAssertEqual(served["return"], expected)
        XCTAssertEqual(served["return"]?.arrayValue?.isEmpty, false)

        try quit(client, daemon)
        XCTAssertFalse(FileManager.default.fileExists(atPath: socketPath), "the socket file is removed")
        XCTAssertTrue(
            daemon.standardError.contains("connect with: socat - UNIX-CONNECT:\(socketPath)"), daemon.standardError)
    }

    /// SIGTERM and SIGINT: SHUTDOWN with reason host-signal, exit 0.
    func testSignalsShutDown() throws {
        for signalNumber in [SIGTERM, SIGINT] {
            let socketPath = path("sig\(signalNumber).sock")
            let daemon = try DaemonProcess(["-qmp", "unix:\(socketPath),server=on,wait=off"], in: folder)
            let client = try negotiatedClient(socketPath)
            daemon.send(signal: signalNumber)
            XCTAssertEqual(try json(try client.readLine())["data"], ["guest": false, "reason": "host-signal"])
            XCTAssertTrue(client.waitForClose())
            XCTAssertEqual(daemon.waitForExit(), 0)
        }
    }

    /// Without options: QMP on $XDG_RUNTIME_DIR/qmp-monitor.sock and one
    /// line saying how to connect.
    func testDefaultSocket() throws {
        let daemon = try DaemonProcess([], in: folder, environment: ["XDG_RUNTIME_DIR": folder])
        let socketPath = path("qmp-monitor.sock")
        let client = try negotiatedClient(socketPath)
        try quit(client, daemon)
        XCTAssertEqual(
            daemon.standardError,
            "qmp-monitor: QMP on unix:\(socketPath) (connect with: socat - UNIX-CONNECT:\(socketPath))\n")
    }

    /// Bad options: one line on standard error, exit 1.
    func testBadOptions() throws {
        let cases: [([String], String)] = [
            (["-bogus"], "qmp-monitor: -bogus: invalid option (see --help)"),
            (["-chardev"], "qmp-monitor: -chardev: requires an argument"),
            (
                ["-chardev", "serial,id=x"],
                "qmp-monitor: -chardev serial,id=x: 'serial' is not a valid char driver name"
            ),
            (["-chardev", "null"], "qmp-monitor: -chardev null: Parameter 'id' is missing"),
            (
                ["-chardev", "null,id=x,color=red"],
                "qmp-monitor: -chardev null,id=x,color=red: Invalid parameter 'color'"
            ),
            (
                ["-mon", "chardev=nope,mode=control"],
                "qmp-monitor: -mon chardev=nope,mode=control: chardev \"nope\" not found"
            ),
            (
                ["-chardev", "null,id=n", "-mon", "chardev=n,mode=fancy"],
                "qmp-monitor: -mon chardev=n,mode=fancy: Parameter 'mode' does not accept value 'fancy'"
            ),
            (
                ["-qmp", "unix:/nonexistent/dir/q.sock,server=on,wait=off"],
                "qmp-monitor: -qmp unix:/nonexistent/dir/q.sock,server=on,wait=off: Failed to bind socket to /nonexistent/dir/q.sock: No such file or directory"
            ),
            (["-chardev", "file,id=x"], "qmp-monitor: -chardev file,id=x: chardev: file: no filename given"),
            (
                ["-chardev", "file,id=f,path=/nonexistent/x"],
                "qmp-monitor: -chardev file,id=f,path=/nonexistent/x: Could not open '/nonexistent/x': No such file or directory"
            ),
            (
                ["-chardev", "ringbuf,id=r,size=3"],
                "qmp-monitor: -chardev ringbuf,id=r,size=3: size of ringbuf chardev must be power of two"
            ),
        ]
        for (arguments, message) in cases {
            let daemon = try DaemonProcess(arguments, in: folder)
            XCTAssertEqual(daemon.waitForExit(), 1, "\(arguments)")
            XCTAssertEqual(daemon.standardError, message + "\n", "\(arguments)")
        }
    }

    /// `--help` prints the usage and exits 0.
    func testHelp() throws {
        let daemon = try DaemonProcess(["--help"], in: folder)
        XCTAssertEqual(daemon.waitForExit(), 0)
    }

    /// `-chardev` and `-mon` monitors, with and without ids, a human
    /// monitor from `-monitor`: listed by query-monitors; a command-line
    /// QMP monitor can be removed (H7, v4).
    func testCommandLineMonitors() throws {
        let daemon = try DaemonProcess(
            [
                "-chardev", "socket,id=c1,path=\(path("c1.sock")),server=on,wait=off",
                "-mon", "chardev=c1,mode=control,id=cli",
                "-chardev", "socket,id=c2,path=\(path("c2.sock")),server=on,wait=off",
                "-mon", "chardev=c2,mode=control,pretty=on",
                "-monitor", "unix:\(path("h.sock")),server=on,wait=off",
            ], in: folder)
        let client = try negotiatedClient(path("c1.sock"))
        let monitors = try json(try client.execute(#"{"execute": "query-monitors"}"#))["return"]?.arrayValue ?? []
        XCTAssertEqual(
            Set(monitors),
            [
                ["id": "cli", "mode": "control", "chardev": "c1"],
                ["id": "monitor0", "mode": "control", "chardev": "c2"],
                ["mode": "readline", "chardev": "compat_monitor0"],
            ])
        let pretty = try QMPTestClient.connect(unix: path("c2.sock"))
        XCTAssertEqual(try pretty.readLine(), "{")
        XCTAssertEqual(
            try client.execute(#"{"execute": "monitor-remove", "arguments": {"id": "monitor0"}}"#), #"{"return": {}}"#)
        XCTAssertTrue(pretty.waitForClose(discardingInput: true))

        let human = try QMPTestClient.connect(unix: path("h.sock"))
        XCTAssertEqual(try human.readLine(), "swift-qapi 0.1.0 monitor - type 'help' for more information")
        XCTAssertEqual(try human.read(count: 7), "(qemu) ")
        try human.send("info chardev\n")
        XCTAssertTrue(try human.readLine().hasPrefix("c1: filename=unix:"))
        try quit(client, daemon)
    }

    /// `-qmp stdio`: the protocol on standard input and output.
    func testStdio() throws {
        let daemon = try DaemonProcess(["-qmp", "stdio"], in: folder, stdio: true)
        let client = try XCTUnwrap(daemon.stdio)
        XCTAssertTrue(try client.readLine().hasPrefix(#"{"QMP": "#))
        XCTAssertEqual(try client.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
        try quit(client, daemon)
    }

    /// QEMU's own Python client library (qemu.qmp) drives the daemon:
    /// negotiation, commands, query-qmp-schema, the hotplug cycle, quit.
    func testPythonQMPClient() throws {
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/PythonClient/qemu_qmp_session.py")
        guard FileManager.default.fileExists(atPath: script.path) else { throw XCTSkip("\(script.path) not found") }
        let probe = try TestEnvironment.run("/usr/bin/env", ["python3", "-c", "import qemu.qmp"])
        guard probe.status == 0 else { throw XCTSkip("python3 with the qemu.qmp package is not available; skipping") }
        let socketPath = path("py.sock")
        let daemon = try DaemonProcess(["-qmp", "unix:\(socketPath),server=on,wait=off"], in: folder)
        _ = try QMPTestClient.connect(unix: socketPath, waitingUpTo: 10)
        let result = try TestEnvironment.run("/usr/bin/env", ["python3", script.path, socketPath, folder])
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        XCTAssertEqual(result.status, 0, output)
        XCTAssertTrue(output.contains("ok: quit sends SHUTDOWN"), output)
        XCTAssertEqual(daemon.waitForExit(), 0, daemon.standardError)
    }
}
