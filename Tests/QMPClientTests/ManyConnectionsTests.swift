import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// No thread per connection: one process holds a thousand.
final class ManyConnectionsTests: XCTestCase {
    func testOneProcessHoldsAThousandConnectionsOnAFewThreads() async throws {
        let server = try PollingQMPServer()
        defer { server.stop() }
        let connections = try await withThrowingTaskGroup(of: QMPConnection.self) { group in
            for _ in 0..<1000 {
                group.addTask { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
            }
            var connections: [QMPConnection] = []
            for try await connection in group { connections.append(connection) }
            return connections
        }
        XCTAssertEqual(connections.count, 1000)
        // Every connection works, all at once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, connection) in connections.enumerated() {
                group.addTask {
                    let result = try await connection.execute(Commands.XEcho.self, EchoArguments(text: "\(index)"))
                    XCTAssertEqual(result.text, "\(index)")
                }
            }
            try await group.waitForAll()
        }
        let threads = try XCTUnwrap(processThreadCount())
        XCTAssertLessThan(threads, 64, "threads with 1000 connections open")
        for connection in connections { await connection.close() }
    }
}
