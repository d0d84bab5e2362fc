import QMPClientTestSupport
import XCTest

@testable import QMPClient

/// A connection's core is freed once the connection and its event streams
/// are: a stream's buffer holds the core strongly, and that cycle must end
/// with the stream.
final class ConnectionLifetimeTests: XCTestCase {
    func testTheCoreIsFreedOnceTheConnectionAndItsStreamAreDropped() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            peer.sendEvent("STOP")
            peer.waitForClientClose()
        }
        weak var core: ConnectionCore?
        do {
            let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
            core = connection.core
            let stream = connection.events()
            var iterator = stream.makeAsyncIterator()
            let first = try await iterator.next()
            XCTAssertEqual(first?.name, "STOP")
            await connection.close()
            while try await iterator.next() != nil {}
        }
        // The reader lets go of the core on its own queue, shortly after.
        let deadline = ContinuousClock.now + .seconds(5)
        while core != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertNil(core, "the connection core outlived its connection and stream")
        server.assertScriptsPassed()
    }
}
