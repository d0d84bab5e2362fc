import QAPIRuntime
import QAPITestSupport
import QMPClient
import XCTest

/// The drift between the schema (QEMU 10.0.13) and the binary (QEMU 7.2):
/// what 7.2 still sends that 10.0 dropped decodes and is reported; what
/// 10.0 requires and 7.2 does not send fails, naming the command and the
/// member (issue 9, point 3). The expectations are those of Debian 12's
/// QEMU 7.2; another QEMU drifts differently.
final class DriftTests: XCTestCase {
    func testSinglestepThatQEMU10DroppedFromQueryStatusIsSkippedAndReported() async throws {
        let drift = DriftLog()
        try await withLiveQEMU(driftHandler: drift.handler) { qmp in
            let status = try await qmp.queryStatus()
            XCTAssertEqual(status.status, .running)
        }
        XCTAssertEqual(drift.lines, ["query-status: unknown member 'return.singlestep'"])
    }

    func testActiveThatQEMU10RequiresOfBlockNodesIsAnErrorNamingCommandAndMember() async throws {
        try await withLiveQEMU { qmp in
            try await qmp.blockdevAdd(BlockdevOptions(nodeName: "null0", branch: .nullCo(BlockdevOptionsNull())))
            do {
                let nodes = try await qmp.queryNamedBlockNodes()
                XCTFail("QEMU 7.2's nodes decoded: \(nodes)")
            } catch QMPClientError.decoding(let command, let path, _) {
                XCTAssertEqual(command, "query-named-block-nodes")
                XCTAssertEqual(path, "return[0].active")
            }
        }
    }
}
