import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// The human monitor over a socket, and human-monitor-command.
final class HumanMonitorTests: ServerTestCase {
    private let banner = "swift-qapi 10.0.0 monitor - type 'help' for more information"

    /// Banner, prompt, commands with CR LF output, an unknown command, and
    /// lines pipelined in one write run in order.
    func testLineProtocol() throws {
        let socketPath = try addSocketMonitor("human", mode: .readline)
        try addSocketMonitor("qmp")
        let client = try QMPTestClient.connect(unix: socketPath)
        XCTAssertEqual(try client.readLine(), banner)
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        try client.send("help\n")
        for line in [
            "cont|c  -- resume emulation",
            "help|? [cmd] -- show the help",
            "info [subcommand] -- show various information about the server state",
            "quit|q  -- quit the server",
            "stop|s  -- stop emulation",
            "system_powerdown  -- send system power down event",
            "system_reset  -- reset the system",
        ] {
            XCTAssertEqual(try client.readLine(), line)
        }
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        try client.send("info\n")
        for line in [
            "info chardev  -- show the character devices",
            "info monitors  -- show the monitors",
            "info name  -- show the current VM name",
            "info status  -- show the current VM status (running|paused)",
        ] {
            XCTAssertEqual(try client.readLine(), line)
        }
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        try client.send("stop\ninfo status\n")
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        XCTAssertEqual(try client.readLine(), "VM status: paused")
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        try client.send("info chardev\r\nbogus\n\ninfo monitors\n")
        var expected = [
            "human-chr: filename=unix:\(path("human-chr.sock")),server=on",
            "qmp-chr: filename=disconnected:unix:\(path("qmp-chr.sock")),server=on",
        ]
        XCTAssertEqual(Set([try client.readLine(), try client.readLine()]), Set(expected))
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        XCTAssertEqual(try client.readLine(), "unknown command: 'bogus'")
        XCTAssertEqual(try client.read(count: 14), "(qemu) (qemu) ")
        expected = ["human: mode=readline chardev=human-chr", "qmp: mode=control chardev=qmp-chr"]
        XCTAssertEqual(Set([try client.readLine(), try client.readLine()]), Set(expected))
        XCTAssertEqual(try client.read(count: 7), "(qemu) ")
        try client.send("info nothing\n")
        XCTAssertEqual(try client.readLine(), "unknown command: 'info nothing'")
    }

    /// human-monitor-command runs a line and returns its output with CR LF.
    func testHumanMonitorCommand() throws {
        let client = try connect(try addSocketMonitor("qmp"))
        XCTAssertEqual(
            try client.execute(
                #"{"execute": "human-monitor-command", "arguments": {"command-line": "info monitors"}}"#),
            #"{"return": "qmp: mode=control chardev=qmp-chr\r\n"}"#)
        XCTAssertEqual(
            try client.execute(
                #"{"execute": "human-monitor-command", "arguments": {"command-line": "foo bar", "cpu-index": 0}}"#),
            #"{"return": "unknown command: 'foo'\r\n"}"#)
    }

    /// `quit` on the human monitor shuts the server down.
    func testQuit() async throws {
        let socketPath = try addSocketMonitor("human", mode: .readline)
        let qmp = try connect(try addSocketMonitor("qmp"))
        let client = try QMPTestClient.connect(unix: socketPath)
        XCTAssertEqual(try client.readLine(), banner)
        try client.send("quit\n")
        XCTAssertEqual(json(try qmp.readLine())["data"], ["guest": false, "reason": "host-qmp-quit"])
        XCTAssertEqual(try client.read(count: 14), "(qemu) (qemu) ")
        XCTAssertTrue(client.waitForClose())
        await server.stopped()
    }
}
