import QMPClient
import QMPClientTestSupport
import XCTest

/// The `allow-oob` commands (`yank`, `query-yank`) through the generated
/// out-of-band accessor, and in band.
final class OutOfBandTests: MonitorClientTestCase {
    private let monitorChardev = YankInstance(branch: .chardev(YankInstanceChardev(id: "compat_monitor0")))

    func testQueryYankOutOfBandListsTheMonitorsSocket() async throws {
        XCTAssertTrue(client.isOutOfBandEnabled)
        let instances = try await client.outOfBand.queryYank()
        XCTAssertEqual(instances, [monitorChardev])
        let inBand = try await client.queryYank()
        XCTAssertEqual(inBand, instances)
    }

    func testYankOfAnUnknownInstanceFailsWithDeviceNotFound() async throws {
        let unknown = [YankInstance(branch: .chardev(YankInstanceChardev(id: "nothing")))]
        let outOfBand = await thrownError { try await client.outOfBand.yank(instances: unknown) }
        XCTAssertEqual(
            outOfBand as? QMPCommandError,
            QMPCommandError(command: "yank", error: .init(.deviceNotFound, "Instance not found")))
        let inBand = await thrownError { try await client.yank(instances: unknown) }
        XCTAssertEqual(inBand as? QMPCommandError, outOfBand as? QMPCommandError)
    }

    func testOutOfBandCallsFailWithoutSendingWhenOOBWasNotNegotiated() async throws {
        // The monitor serves one client at a time, as QEMU's does.
        await client.close()
        let plain = try await daemon.connect(options: .testing(enableOutOfBand: false))
        let error = await thrownError { try await plain.outOfBand.queryYank() }
        XCTAssertEqual(error as? QMPClientError, .outOfBandNotEnabled(command: "query-yank"))
        let inBand = try await plain.queryYank()
        XCTAssertEqual(inBand.count, 1)
        await plain.close()
    }
}
