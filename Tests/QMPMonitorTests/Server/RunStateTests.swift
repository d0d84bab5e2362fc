import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// The run state over QMP, the human monitor and the embedder API (spec
/// S1–S7, E1–E3, N6), with QEMU 7.2's texts.
final class RunStateTests: ServerTestCase {
    private let running = #"{"return": {"status": "running", "singlestep": false, "running": true}}"#
    private let paused = #"{"return": {"status": "paused", "singlestep": false, "running": false}}"#
    private let prelaunch = #"{"return": {"status": "prelaunch", "singlestep": false, "running": false}}"#
    private let reset = eventLine("RESET", data: #"{"guest": false, "reason": "host-qmp-system-reset"}"#)

    /// Runs `command` (no arguments): the events it caused, then its response.
    private func run(_ client: QMPTestClient, _ command: String) throws -> [String] {
        try client.executeWithEvents(#"{"execute": "\#(command)"}"#)
    }

    /// S1: a server starts `running`; query-status reports status,
    /// singlestep (always false) and running, in QEMU's member order.
    func testStartsRunning() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "query-status"), [running])
        XCTAssertEqual(server.runState, .running)
    }

    /// S2: stop from running sends STOP (no data) before its return and
    /// pauses; stop again only returns.
    func testStop() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "stop"), [eventLine("STOP"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [paused])
        XCTAssertEqual(try run(client, "stop"), [#"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [paused])
    }

    /// S3: cont from paused sends RESUME before its return; from running
    /// it only returns.
    func testCont() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "cont"), [#"{"return": {}}"#])
        XCTAssertEqual(try run(client, "stop"), [eventLine("STOP"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "cont"), [eventLine("RESUME"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [running])
    }

    /// S4: system_reset always sends RESET; running stays running, paused
    /// becomes prelaunch, prelaunch stays prelaunch; cont leaves prelaunch.
    func testSystemReset() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "system_reset"), [reset, #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [running])
        XCTAssertEqual(try run(client, "stop"), [eventLine("STOP"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "system_reset"), [reset, #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [prelaunch])
        XCTAssertEqual(try run(client, "system_reset"), [reset, #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [prelaunch])
        XCTAssertEqual(try run(client, "stop"), [#"{"return": {}}"#])
        XCTAssertEqual(try run(client, "cont"), [eventLine("RESUME"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [running])
    }

    /// S5: system_powerdown sends POWERDOWN (no data) and changes nothing,
    /// in every state.
    func testSystemPowerdown() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "system_powerdown"), [eventLine("POWERDOWN"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [running])
        _ = try run(client, "stop")
        XCTAssertEqual(try run(client, "system_powerdown"), [eventLine("POWERDOWN"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [paused])
    }

    /// S6, E2, N6: run-state events reach every monitor in command mode,
    /// never a negotiating one (not even later) nor a human monitor.
    func testEventsReachCommandModeMonitorsOnly() throws {
        let client = try connect(try addSocketMonitor("main"))
        let listener = try connect(try addSocketMonitor("listener"))
        let negotiating = try connect(try addSocketMonitor("negotiating"), negotiate: false)
        let human = try QMPTestClient.connect(unix: try addSocketMonitor("human", mode: .readline))
        XCTAssertEqual(try human.readLine(), "swift-qapi 10.0.0 monitor - type 'help' for more information")
        XCTAssertEqual(try human.read(count: 7), "(qemu) ")

        XCTAssertEqual(try run(client, "stop"), [eventLine("STOP"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "cont"), [eventLine("RESUME"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "system_reset"), [reset, #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "system_powerdown"), [eventLine("POWERDOWN"), #"{"return": {}}"#])
        for expected in [eventLine("STOP"), eventLine("RESUME"), reset, eventLine("POWERDOWN")] {
            XCTAssertEqual(withoutTimestamps(try listener.readLine()), expected)
        }
        XCTAssertEqual(try negotiating.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
        XCTAssertEqual(try negotiating.execute(#"{"execute": "query-status"}"#), running)
        XCTAssertTrue(human.receivesNothing(for: 0.2), "a human monitor gets no events")
    }

    /// S1 with `-S` (startsPaused): prelaunch; stop changes nothing and
    /// sends nothing; cont sends RESUME.
    func testStartsPaused() async throws {
        await restartServer { $0.startsPaused = true }
        XCTAssertEqual(server.runState, .prelaunch)
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "query-status"), [prelaunch])
        XCTAssertEqual(try run(client, "stop"), [#"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [prelaunch])
        XCTAssertEqual(try run(client, "cont"), [eventLine("RESUME"), #"{"return": {}}"#])
        XCTAssertEqual(try run(client, "query-status"), [running])
    }

    /// S7: query-name without a name, with one, with an empty one.
    func testQueryName() async throws {
        var client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(try run(client, "query-name"), [#"{"return": {}}"#])
        for name in ["vm-1", ""] {
            await restartServer { $0.name = name }
            client = try connect(try addSocketMonitor("main"))
            XCTAssertEqual(try run(client, "query-name"), [#"{"return": {"name": "\#(name)"}}"#])
        }
    }

    /// The commands take no arguments (A11) and validate before acting.
    func testArgumentsAreRejected() throws {
        let client = try connect(try addSocketMonitor("main"))
        for command in ["stop", "cont", "system_reset", "system_powerdown", "query-status", "query-name"] {
            XCTAssertEqual(
                try client.execute(#"{"execute": "\#(command)", "arguments": {"x": 1}, "id": 7}"#),
                errorLine("Parameter 'x' is unexpected", id: "7"))
        }
        XCTAssertEqual(try run(client, "query-status"), [running])
        XCTAssertEqual(
            try client.execute(#"{"exec-oob": "stop"}"#),
            errorLine("QMP input member 'exec-oob' is unexpected"))
    }

    /// The embedder API: the same transitions and events as the commands,
    /// from code.
    func testEmbedderAPI() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertFalse(server.resume())
        XCTAssertTrue(server.pause())
        XCTAssertEqual(server.runState, .paused)
        XCTAssertFalse(server.pause())
        server.reset(reason: .guestReset)
        XCTAssertEqual(server.runState, .prelaunch)
        XCTAssertTrue(server.resume())
        server.requestPowerDown()
        XCTAssertEqual(server.runState, .running)
        for expected in [
            eventLine("STOP"), eventLine("RESET", data: #"{"guest": true, "reason": "guest-reset"}"#),
            eventLine("RESUME"), eventLine("POWERDOWN"),
        ] {
            XCTAssertEqual(withoutTimestamps(try client.readLine()), expected)
        }
        XCTAssertEqual(try run(client, "query-status"), [running])
    }

    /// The human monitor's run-state commands, with QEMU's texts: they act
    /// as the QMP commands (events before human-monitor-command's return),
    /// `info status` and `info name` report, extra words are refused.
    func testHumanMonitorCommands() async throws {
        await restartServer { $0.name = "vm-1" }
        let client = try connect(try addSocketMonitor("main"))
        func human(_ line: String) throws -> [String] {
            try client.executeWithEvents(
                #"{"execute": "human-monitor-command", "arguments": {"command-line": "\#(line)"}}"#)
        }
        XCTAssertEqual(try human("info status"), [#"{"return": "VM status: running\r\n"}"#])
        XCTAssertEqual(try human("stop"), [eventLine("STOP"), #"{"return": ""}"#])
        XCTAssertEqual(try human("s"), [#"{"return": ""}"#])
        XCTAssertEqual(try human("info status"), [#"{"return": "VM status: paused\r\n"}"#])
        XCTAssertEqual(try human("system_reset"), [reset, #"{"return": ""}"#])
        XCTAssertEqual(try human("info status"), [#"{"return": "VM status: paused (prelaunch)\r\n"}"#])
        XCTAssertEqual(try human("c"), [eventLine("RESUME"), #"{"return": ""}"#])
        XCTAssertEqual(try human("cont"), [#"{"return": ""}"#])
        XCTAssertEqual(try human("system_powerdown"), [eventLine("POWERDOWN"), #"{"return": ""}"#])
        XCTAssertEqual(try human("info name"), [#"{"return": "vm-1\r\n"}"#])
        XCTAssertEqual(
            try human("s x"),
            [
                #"{"return": "stop|s: extraneous characters at the end of line\r\nTry \"help s\" for more information\r\n"}"#
            ])
        XCTAssertEqual(
            try human("  info   status   x"),
            [
                #"{"return": "status: extraneous characters at the end of line\r\nTry \"help   info   status\" for more information\r\n"}"#
            ])
        XCTAssertEqual(try human("help stop"), [#"{"return": "stop|s  -- stop emulation\r\n"}"#])
        XCTAssertEqual(try human("help system_reset"), [#"{"return": "system_reset  -- reset the system\r\n"}"#])
        XCTAssertEqual(
            try human("help system_powerdown"),
            [#"{"return": "system_powerdown  -- send system power down event\r\n"}"#])
        XCTAssertEqual(try human("help c"), [#"{"return": "cont|c  -- resume emulation\r\n"}"#])
        XCTAssertEqual(
            try human("help info status"),
            [#"{"return": "info status  -- show the current VM status (running|paused)\r\n"}"#])
        XCTAssertEqual(try human("help info bogus"), [#"{"return": "unknown command: 'info bogus'\r\n"}"#])
        XCTAssertEqual(server.runState, .running)
    }

    /// `info name` prints nothing without a name.
    func testHumanInfoNameWithoutName() throws {
        let client = try connect(try addSocketMonitor("main"))
        XCTAssertEqual(
            try client.execute(#"{"execute": "human-monitor-command", "arguments": {"command-line": "info name"}}"#),
            #"{"return": ""}"#)
    }
}
