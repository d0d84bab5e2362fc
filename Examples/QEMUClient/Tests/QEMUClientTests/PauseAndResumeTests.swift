import Foundation
import QEMUClient
import QMPMonitor
import XCTest

/// The example against swift-qapi's monitor core, in process on a unix
/// socket: it answers the example's commands as QEMU does.
final class PauseAndResumeTests: XCTestCase {
    func testTheExampleReportsVersionEventsAnErrorAndAnOutOfBandQuery() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qemu-pause-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let socketPath = folder.appendingPathComponent("qmp.sock").path
        let server = MonitorServer()
        try server.chardevs.add(
            id: "qmp",
            backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
        try await server.addMonitor(id: "qmp", chardev: "qmp")

        let report = try await pauseAndResume(socketPath: socketPath)

        server.shutdown()
        await server.stopped()
        XCTAssertEqual(
            report,
            [
                "QEMU 0.1.0",
                "status: paused",
                "STOP",
                "RESUME",
                "GenericError: Chardev 'no-such-device' not found",
                "yank instances: 1",
            ])
    }
}
