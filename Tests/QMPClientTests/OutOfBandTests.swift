import Dispatch
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// `exec-oob`: refused on the client side unless negotiated; outside the
/// in-flight limit when it is.
final class OutOfBandTests: XCTestCase {
    func testOutOfBandIsRefusedWhenNotNegotiatedAndNothingIsSent() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate(capabilities: [])
            let next = try peer.expect("query-status")
            peer.reply(to: next, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let error = await thrownError { try await connection.outOfBand.execute(Commands.QueryYank.self) }
        XCTAssertEqual(error as? QMPClientError, .outOfBandNotEnabled(command: "query-yank"))
        XCTAssertEqual("\(error!)", "query-yank cannot run out of band: the connection did not negotiate 'oob'")
        let untyped = await thrownError { try await connection.outOfBand.execute("yank", arguments: ["instances": []]) }
        XCTAssertEqual(untyped as? QMPClientError, .outOfBandNotEnabled(command: "yank"))
        _ = try await connection.execute(Commands.QueryStatus.self)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testOutOfBandGoesOutBesideAFullQueueAndIsAnsweredFirst() async throws {
        let server = try FakeQMPServer { peer in
            try peer.negotiate()
            var queued: [JSONObject] = []
            for _ in 0..<8 { queued.append(try peer.expect("x-echo")) }
            let oob = try peer.expect("query-yank", timeout: 3)
            guard oob["exec-oob"] != nil, oob["execute"] == nil, oob["id"] != nil else {
                throw ScriptError.unexpected(expected: "exec-oob with an id", got: .object(oob))
            }
            peer.reply(to: oob, with: [["type": "chardev"]])
            for request in queued { peer.reply(to: request, with: ["text": "queued"]) }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        XCTAssertTrue(connection.isOutOfBandEnabled)
        let queued = (0..<8).map { index in
            Task { try await connection.execute(Commands.XEcho.self, EchoArguments(text: "\(index)")) }
        }
        await eventually { connection.statistics.callsOnWire == 8 }
        let instances = try await connection.outOfBand.execute(Commands.QueryYank.self)
        XCTAssertEqual(instances.map(\.type), ["chardev"])
        for task in queued {
            let result = try await task.value
            XCTAssertEqual(result.text, "queued")
        }
        await connection.close()
        server.assertScriptsPassed()
    }
}
