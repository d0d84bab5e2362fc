import QAPITestSupport
import QMPMonitor
import XCTest

/// Closing and removing chardevs closes every descriptor.
final class DescriptorLeakTests: ChardevTestCase {
    /// One full cycle: add a server, attach, connect, exchange, disconnect,
    /// detach, remove.
    private func cycle(_ index: Int) throws {
        let chardev = try addUnixServer("cycle\(index)", "cycle.sock")
        let frontend = RecordingFrontend { event, link in
            if case .received(let bytes) = event { link.write(bytes) }
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("cycle.sock"))
        client.send("ping \(index)")
        XCTAssertEqual(client.readText(count: "ping \(index)".utf8.count), "ping \(index)")
        client.close()
        frontend.wait("closed") { $0.closedCount == 1 }
        link.detach()
        try registry.remove(id: "cycle\(index)")
    }

    func testAddConnectRemoveCyclesLeaveTheDescriptorCountFlat() throws {
        try cycle(-1)
        let before = try TestEnvironment.openDescriptorCount()
        for index in 0..<200 { try cycle(index) }
        XCTAssertEqual(try TestEnvironment.openDescriptorCount(), before)
    }

    func testRemovingWithAClientStillConnectedClosesEverything() throws {
        try cycle(-1)
        let before = try TestEnvironment.openDescriptorCount()
        for index in 0..<50 {
            let chardev = try addUnixServer("open\(index)", "open.sock")
            let frontend = RecordingFrontend()
            let link = try chardev.attach(frontend)
            let client = try TestClient.unix(path("open.sock"))
            frontend.wait("opened") { $0.openedCount == 1 }
            link.write(Array(repeating: 0x2e, count: 512 * 1024))
            link.detach()
            try registry.remove(id: "open\(index)")
            client.close()
        }
        XCTAssertEqual(try TestEnvironment.openDescriptorCount(), before)
    }
}
