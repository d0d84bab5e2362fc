import QMPClient
import QMPClientTestSupport
import XCTest

/// Per-call timeouts against a daemon that stops answering: frozen with
/// `SIGSTOP`, thawed with `SIGCONT`.
final class TimeoutTests: MonitorClientTestCase {
    func testACallPastItsTimeoutFailsAndItsLateReplyIsDropped() async throws {
        await daemon.freeze()
        let error = await thrownError { try await client.queryStatus(timeout: .milliseconds(200)) }
        daemon.thaw()
        XCTAssertEqual(error as? QMPClientError, .timedOut(command: "query-status", after: .milliseconds(200)))
        await eventually { client.statistics.repliesDropped == 1 }
        let status = try await client.queryStatus()
        XCTAssertEqual(status.status, .running)
    }
}
