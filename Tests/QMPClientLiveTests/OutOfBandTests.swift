import QAPIRuntime
import QMPClient
import XCTest

/// Out-of-band execution, negotiated with QEMU.
final class OutOfBandTests: XCTestCase {
    func testQueryYankRunsOutOfBand() async throws {
        try await withLiveQEMU { qmp in
            XCTAssertTrue(qmp.isOutOfBandEnabled)
            let instances = try await qmp.outOfBand.queryYank()
            XCTAssertTrue(
                instances.contains {
                    if case .chardev(let chardev) = $0.branch { chardev.id == "compat_monitor0" } else { false }
                }, "\(instances)")
        }
    }
}
