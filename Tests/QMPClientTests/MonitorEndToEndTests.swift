import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// The client against the project's own server: the built `qmp-monitor`,
/// started as a process (found beside the test bundle).
final class MonitorEndToEndTests: XCTestCase {
    private var daemon: MonitorDaemon?

    override func tearDown() {
        daemon = nil
    }

    /// Starts `qmp-monitor` and connects to it.
    private func startAndConnect() async throws -> QMPConnection {
        let daemon = try MonitorDaemon()
        self.daemon = daemon
        return try await daemon.connect()
    }

    func testTypedAndUntypedCommandsAndErrors() async throws {
        let connection = try await startAndConnect()
        XCTAssertTrue(connection.isOutOfBandEnabled)
        XCTAssertEqual(connection.greeting.capabilities, ["oob"])

        let version = try await connection.execute(Commands.QueryVersion.self)
        XCTAssertEqual(version.package, "swift-qapi")
        XCTAssertEqual(
            QMPVersion(
                major: version.qemu.major, minor: version.qemu.minor, micro: version.qemu.micro,
                package: version.package),
            connection.greeting.version)

        let commands = try await connection.execute(Commands.QueryCommands.self)
        XCTAssertTrue(Set(commands.map(\.name)).isSuperset(of: ["query-version", "query-commands", "quit"]))

        let schema = try await connection.execute("query-qmp-schema")
        let entries = try XCTUnwrap(schema.arrayValue)
        XCTAssertTrue(entries.contains { $0["name"] == "query-version" && $0["meta-type"] == "command" })

        let again = await thrownError {
            try await connection.execute(Commands.QmpCapabilities.self, QmpCapabilitiesArguments(enable: [.oob]))
        }
        XCTAssertEqual(
            "\(again!)",
            "qmp_capabilities failed: CommandNotFound: Capabilities negotiation is already complete, command ignored")
        let badArguments = await thrownError {
            try await connection.execute("qmp_capabilities", arguments: ["enable": "oob"])
        }
        XCTAssertEqual(
            badArguments as? QMPCommandError,
            QMPCommandError(
                command: "qmp_capabilities", error: .generic("Invalid parameter type for 'enable', expected: array")))

        let outOfBand = await thrownError {
            try await connection.outOfBand.execute(Commands.QueryVersionOutOfBand.self)
        }
        XCTAssertEqual(
            outOfBand as? QMPCommandError,
            QMPCommandError(command: "query-version", error: .generic("The command query-version does not support OOB"))
        )

        let unknown = await thrownError { try await connection.execute("query-nothing") }
        XCTAssertEqual(
            "\(unknown!)", "query-nothing failed: CommandNotFound: The command query-nothing has not been found")
        await connection.close()
    }

    func testQuitSendsShutdownBeforeItsReplyAndTheStreamEndsWithTheConnection() async throws {
        let connection = try await startAndConnect()
        let events = connection.events()
        let (_, shutdown) = try await connection.execute(Commands.Quit.self, thenWaitFor: Events.Shutdown.self)
        XCTAssertEqual(shutdown.reason, .hostQmpQuit)
        XCTAssertFalse(shutdown.guest)

        var names: [String] = []
        let end = await thrownError { for try await event in events { names.append(event.name) } }
        XCTAssertEqual(names, ["SHUTDOWN"])
        XCTAssertEqual(end as? QMPClientError, .disconnected(.closedByServer))
        XCTAssertEqual(daemon?.waitForExit(), 0)
    }

    func testPipelinedCallsFromManyTasks() async throws {
        let connection = try await startAndConnect()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    let version = try await connection.execute(Commands.QueryVersion.self)
                    XCTAssertEqual(version.package, "swift-qapi")
                }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(connection.statistics.repliesDropped, 0)
        await connection.close()
    }
}
