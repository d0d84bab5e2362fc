import Glibc
import QAPIRuntime
import QMPClient
import XCTest

/// File descriptors passed with a request (SCM_RIGHTS).
final class DescriptorPassingTests: XCTestCase {
    func testGetfdKeepsThePassedDescriptorUnderItsNameUntilClosefd() async throws {
        let descriptor = open("/dev/null", O_RDWR | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        try await withLiveQEMU { qmp in
            let unsent = await commandError { try await qmp.getfd(fdname: "fd0") }
            XCTAssertEqual(unsent?.errorClass, .genericError)
            XCTAssertEqual(unsent?.desc, "No file descriptor supplied via SCM_RIGHTS")
            _ = try await qmp.execute(Commands.Getfd.self, .init(fdname: "fd0"), passing: descriptor)
            try await qmp.closefd(fdname: "fd0")
            let closed = await commandError { try await qmp.closefd(fdname: "fd0") }
            XCTAssertEqual(closed?.desc, "File descriptor named 'fd0' not found")
        }
    }

    func testAddFdPutsThePassedDescriptorInAnFdset() async throws {
        let descriptor = open("/dev/null", O_RDWR | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        try await withLiveQEMU { qmp in
            let added = try await qmp.execute(
                Commands.AddFd.self, .init(fdsetId: 7, opaque: "from the live test"), passing: descriptor)
            XCTAssertEqual(added.fdsetId, 7)
            let fdsets = try await qmp.queryFdsets()
            XCTAssertEqual(fdsets.map(\.fdsetId), [7])
            XCTAssertEqual(fdsets.first?.fds.map(\.fd), [added.fd])
            XCTAssertEqual(fdsets.first?.fds.first?.opaque, "from the live test")
            try await qmp.removeFd(fdsetId: 7)
            let fdsetsAfter = try await qmp.queryFdsets()
            XCTAssertEqual(fdsetsAfter, [])
        }
    }
}
