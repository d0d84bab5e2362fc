import QMPClient
import XCTest

/// `query-name` and `human-monitor-command` on a daemon started paused
/// with `-S -name`.
final class NamedDaemonTests: MonitorClientTestCase {
    override var daemonArguments: [String] { ["-S", "-name", "guest-1"] }

    func testQueryNameReportsTheNameGiven() async throws {
        let info = try await client.queryName()
        XCTAssertEqual(info, NameInfo(name: "guest-1"))
    }

    func testHumanMonitorCommandAnswersWithTheText() async throws {
        let status = try await client.humanMonitorCommand(commandLine: "info status")
        XCTAssertEqual(status, "VM status: paused (prelaunch)\r\n")
        let prelaunch = try await client.queryStatus()
        XCTAssertEqual(prelaunch.status, .prelaunch)
    }
}
