import Foundation
import Glibc
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
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

    func testADescriptorQueuedBehindAnUnsentRequestGoesWithItsOwnRequest() async throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { ends.forEach { close($0) } }
        // 1: x-big fills the socket (the server reads nothing until then);
        // 2: getfd is submitted, so it waits in the client's output.
        let stage = QAPILock(0)
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            let deadline = Date().addingTimeInterval(10)
            while peer.bytesQueued() < 64 << 10 && Date() < deadline { usleep(1000) }
            stage.withLock { $0 = 1 }
            while stage.withLock({ $0 }) < 2 && Date() < deadline { usleep(1000) }
            // The kernel may hand the descriptor over with a read that
            // also holds the end of x-big: it must be there by getfd.
            peer.reply(to: try peer.expect("x-big", timeout: 10))
            let request = try peer.expect("getfd", timeout: 10)
            guard peer.receivedDescriptors.count == 1 else {
                throw ScriptError.unexpected(expected: "one descriptor by getfd", got: .object(request))
            }
            _ = write(peer.receivedDescriptors[0], "ok", 2)
            close(peer.receivedDescriptors[0])
            peer.reply(to: request)
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        async let big = connection.execute(
            "x-big", arguments: ["blob": .string(String(repeating: "x", count: 4 << 20))])
        while stage.withLock({ $0 }) < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let writeEnd = ends[1]
        async let getfd = connection.execute("getfd", arguments: ["fdname": "pipe"], passing: writeEnd)
        try await Task.sleep(for: .milliseconds(20))
        stage.withLock { $0 = 2 }
        defer { server.assertScriptsPassed() }
        _ = try await (big, getfd)
        var bytes = [UInt8](repeating: 0, count: 8)
        let count = read(ends[0], &bytes, bytes.count)
        XCTAssertEqual(String(decoding: bytes[..<max(0, count)], as: UTF8.self), "ok")
        await connection.close()
    }

    func testATCPConnectionRefusesToPassADescriptorAndSendsNothing() async throws {
        let server = try FakeQMPServer.answeringQueryStatus(tcp: true)
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
