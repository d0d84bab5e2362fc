import Glibc
import QAPIRuntime
import QMPClient
import XCTest

/// A file descriptor sent with a request (SCM_RIGHTS), as `getfd` and
/// `add-fd` need.
final class DescriptorPassingTests: XCTestCase {
    func testThePassedDescriptorArrivesWithItsRequestAndStaysTheCallers() async throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { ends.forEach { close($0) } }
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let request = try peer.expect("getfd")
            guard peer.receivedDescriptors.count == 1, let passed = peer.receivedDescriptors.first else {
                throw ScriptError.unexpected(expected: "one descriptor", got: .object(request))
            }
            _ = write(passed, "sent through the passed descriptor", 34)
            close(passed)
            peer.reply(to: request)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        _ = try await connection.execute("getfd", arguments: ["fdname": "pipe"], passing: ends[1])
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(ends[0], &bytes, bytes.count)
        XCTAssertEqual(String(decoding: bytes[..<max(0, count)], as: UTF8.self), "sent through the passed descriptor")
        XCTAssertNotEqual(fcntl(ends[1], F_GETFD), -1, "the caller's descriptor is still open")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testATCPConnectionRefusesToPassADescriptorAndSendsNothing() async throws {
        let server = try FakeQMPServer(tcp: true) { peer in
            try peer.negotiate()
            let request = try peer.expect("query-status")
            peer.reply(to: request, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError { try await connection.execute("getfd", arguments: ["fdname": "x"], passing: 0) }
        guard case .descriptorNotPassed(let command, _)? = error as? QMPClientError else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(command, "getfd")
        let status = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(status.status, .running)
        await connection.close()
        server.assertScriptsPassed()
    }
}
