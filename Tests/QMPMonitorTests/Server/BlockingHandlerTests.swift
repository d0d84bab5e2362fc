import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// A handler that holds its thread without suspending runs on the thread
/// that read its request: the I/O side must go on meanwhile, on another
/// thread (spec O3, Q3).
final class BlockingHandlerTests: ServerTestCase {
    /// While an in-band handler holds its thread, an out-of-band request
    /// on the same monitor is answered, another monitor greets a new
    /// client, and the blocked command is answered once it returns.
    func testOutOfBandOvertakesAHandlerThatHoldsItsThread() throws {
        let client = try connect(try addSocketMonitor("main"), enable: ["oob"])
        try client.send(#"{"execute": "x-block-thread", "id": 1}"#)
        XCTAssertTrue(gate.waitForArrivals(), "x-block-thread never ran")
        XCTAssertTrue(client.receivesNothing(for: 0.1), "x-block-thread returned early")
        try client.send(#"{"exec-oob": "x-oob", "id": "oob"}"#)
        XCTAssertEqual(try client.readLine(), #"{"return": {"oob": true}, "id": "oob"}"#)

        let other = try QMPTestClient.connect(unix: try addSocketMonitor("other"))
        XCTAssertTrue(try other.readLine().hasPrefix(#"{"QMP": "#))

        gate.open()
        XCTAssertEqual(try client.readLine(), #"{"return": {}, "id": 1}"#)
        try other.send(#"{"execute": "qmp_capabilities"}"#)
        XCTAssertEqual(try other.readLine(), #"{"return": {}}"#)
    }

    /// Handlers that hold their threads in several servers at once still
    /// leave a thread to read: each server answers out-of-band requests.
    func testSeveralServersWithBlockedHandlersStillServeOutOfBand() async throws {
        let servers = (0..<4).map { _ in makeServer() }
        var clients: [QMPTestClient] = []
        for (index, extra) in servers.enumerated() {
            let socketPath = path("extra\(index).sock")
            try extra.chardevs.add(
                id: "chr",
                backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
            try await extra.addMonitor(id: "main", chardev: "chr")
            let client = try connect(socketPath, enable: ["oob"])
            try client.send(#"{"execute": "x-block-thread", "id": 1}"#)
            clients.append(client)
        }
        XCTAssertTrue(gate.waitForArrivals(servers.count), "not every x-block-thread ran")
        for client in clients {
            try client.send(#"{"exec-oob": "x-oob", "id": "oob"}"#)
            XCTAssertEqual(try client.readLine(), #"{"return": {"oob": true}, "id": "oob"}"#)
        }
        gate.open()
        for client in clients {
            XCTAssertEqual(try client.readLine(), #"{"return": {}, "id": 1}"#)
        }
        for extra in servers {
            extra.shutdown(reason: .hostSignal)
            await extra.stopped()
        }
    }
}
