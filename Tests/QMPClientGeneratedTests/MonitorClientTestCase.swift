import QMPClient
import QMPClientTestSupport
import XCTest

/// A test case with a fresh `qmp-monitor` per test and the generated
/// client connected to it.
class MonitorClientTestCase: XCTestCase {
    /// The running daemon.
    var daemon: MonitorDaemon!
    /// The connection to it.
    var client: QMPConnection!

    /// The daemon's arguments after `-qmp` (`-S`, `-name`, …).
    var daemonArguments: [String] { [] }

    override func setUp() async throws {
        daemon = try MonitorDaemon(arguments: daemonArguments)
        client = try await daemon.connect()
    }

    override func tearDown() async throws {
        await client?.close()
        client = nil
        daemon = nil
    }
}
