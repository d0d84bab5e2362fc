import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// A client that writes its requests and then shuts down its sending side
/// (`printf ... | socat`) gets every answer before the connection closes,
/// as from QEMU (spec Q1, T7).
final class HalfCloseTests: ServerTestCase {
    /// Sends the negotiation and `count` requests as `chunks` writes, with
    /// `lineEnd` after each, shuts down writing, and returns the ids of
    /// the answers read before the server closed the connection.
    private func answeredIDs(
        count: Int, oob: Bool, lineEnd: String = "\n", chunks: Int = 1, human: Bool = false
    ) throws -> [Int64] {
        let socketPath = try addSocketMonitor("m\(count)\(oob)\(chunks)\(lineEnd.count)")
        let client = try connect(socketPath, negotiate: false)
        var text =
            oob
            ? #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#
            : #"{"execute": "qmp_capabilities"}"#
        text += lineEnd
        for id in 0..<count { text += #"{"execute": "query-version", "id": \#(id)}"# + lineEnd }
        let bytes = Array(text.utf8)
        let size = max(1, (bytes.count + chunks - 1) / chunks)
        for start in stride(from: 0, to: bytes.count, by: size) {
            try client.send(Array(bytes[start..<min(bytes.count, start + size)]))
        }
        client.closeWriting()
        XCTAssertEqual(try client.readLine(), #"{"return": {}}"#)
        var ids: [Int64] = []
        for _ in 0..<count {
            guard let id = json(try client.readLine())["id"]?.int64Value else { break }
            ids.append(id)
        }
        XCTAssertTrue(client.waitForClose(), "the connection stayed open after the last answer")
        return ids
    }

    func testEveryAnswerArrivesWithoutOutOfBand() throws {
        for count in [0, 1, 5, 20] {
            XCTAssertEqual(
                try answeredIDs(count: count, oob: false), (0..<Int64(count)).map { $0 }, "\(count) requests")
        }
    }

    func testEveryAnswerArrivesWithOutOfBand() throws {
        for count in [0, 1, 5, 20] {
            XCTAssertEqual(try answeredIDs(count: count, oob: true), (0..<Int64(count)).map { $0 }, "\(count) requests")
        }
    }

    func testCRLFAndSplitWrites() throws {
        XCTAssertEqual(try answeredIDs(count: 5, oob: false, lineEnd: "\r\n", chunks: 7), Array(0..<5))
        XCTAssertEqual(try answeredIDs(count: 20, oob: true, lineEnd: "\r\n", chunks: 33), Array(0..<20))
    }

    /// The end of input arrives while a command still runs on the
    /// dispatcher: its answer, and those queued behind it, still come.
    func testAnswersOfARunningCommandAndItsQueue() throws {
        let client = try connect(try addSocketMonitor("busy"), enable: ["oob"])
        try client.send(#"{"execute": "x-block", "id": 0}{"execute": "query-version", "id": 1}"#)
        client.closeWriting()
        XCTAssertTrue(client.receivesNothing(for: 0.2))
        gate.open()
        XCTAssertEqual(try client.readLine(), #"{"return": {}, "id": 0}"#)
        XCTAssertEqual(json(try client.readLine())["id"], 1)
        XCTAssertTrue(client.waitForClose())
    }

    /// A human monitor answers every line it was sent before closing.
    func testHumanMonitorAnswersEveryLine() throws {
        let client = try QMPTestClient.connect(unix: try addSocketMonitor("hmp", mode: .readline))
        try client.send("info monitors\nhelp info\n")
        client.closeWriting()
        var text = ""
        var end = ""
        while end.isEmpty {
            do { text += try client.readLine(timeout: 5) + "\n" } catch { end = "\(error)" }
        }
        XCTAssertTrue(text.contains("mode=readline"), text)
        XCTAssertTrue(text.contains("info chardev"), text)
        XCTAssertTrue(end.hasPrefix("connection closed"), end)
    }
}
