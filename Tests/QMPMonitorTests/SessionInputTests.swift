import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// Spec J9–J11, T6: parse errors keep their place, and any split of the
/// input gives the same outputs.
final class SessionInputTests: XCTestCase {
    /// A conversation with negotiation, pipelined requests, parse errors
    /// and a resynchronisation, OOB disabled throughout.
    private let inBandScript = Array(
        (#"{"execute": "query-status"}{'execute': 'qmp_capabilities', 'id': 1}"#
            + #"{"execute": "query-status", "id": 2}{"execute": "lookup", "id": @}"#
            + "{\"execute\": \"query-status\", \u{01}{\"execute\": \"stop\", \"id\": 3}\n42\n[\"x\", {\"y\": }]"
            + #"{"execute": "lookup", "arguments": {"path": "/\u00e9"}, "id": 4}{"exec-oob": "yank", "id": 5}"#
            + #"{"execute": "quit", "id": 6}"#).utf8)

    /// A conversation with OOB enabled: in-band requests, out-of-band ones
    /// jumping ahead of them, and parse errors.
    private let outOfBandScript = Array(
        (#"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#
            + #"{"execute": "query-status", "id": 1}{"exec-oob": "yank", "id": "a"}"#
            + #"{"execute": "stop", "id": 2}@{"exec-oob": "query-status", "id": "b"}{"execute": "quit", "id": 3}"#).utf8
    )

    /// The output and action log for `input` fed in `chunks`, then served
    /// until the queue is empty.
    private func run(_ input: [UInt8], chunks: [Int]) async -> (output: String, log: [String]) {
        let harness = SessionHarness()
        harness.open()
        var start = 0
        for size in chunks {
            await harness.feed(input[start..<start + size])
            start += size
        }
        await harness.drain()
        XCTAssertTrue(harness.unread.isEmpty)
        return (harness.takeOutput(), harness.log)
    }

    /// Random chunk sizes covering `count` bytes.
    private func randomChunks(_ count: Int, _ generator: inout SplitMix64) -> [Int] {
        var chunks: [Int] = []
        var left = count
        while left > 0 {
            let size = Int.random(in: 1...min(left, 40), using: &generator)
            chunks.append(size)
            left -= size
        }
        return chunks
    }

    func testInBandConversation() async {
        let (output, _) = await run(inBandScript, chunks: [inBandScript.count])
        let greeting =
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": ["oob"]}}"#
        XCTAssertEqual(
            output,
            wire(
                greeting,
                errorResponse("Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound"),
                #"{"return": {}, "id": 1}"#,
                #"{"return": {"status": "running"}, "id": 2}"#,
                errorResponse("JSON parse error, stray '@'"),
                errorResponse("JSON parse error, expecting value"),
                errorResponse(#"JSON parse error, stray '\u0001'"#),
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "STOP"}"#,
                #"{"return": {}, "id": 3}"#,
                errorResponse("QMP input must be a JSON object"),
                errorResponse("JSON parse error, expecting value"),
                #"{"return": "/\u00E9", "id": 4}"#,
                errorResponse("QMP input member 'exec-oob' is unexpected", id: "5"),
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "SHUTDOWN", "#
                    + #""data": {"guest": false, "reason": "host-qmp-quit"}}"#,
                #"{"return": {}, "id": 6}"#))
    }

    func testInBandOutputIsIndependentOfSplits() async {
        let whole = await run(inBandScript, chunks: [inBandScript.count])
        let byteByByte = await run(inBandScript, chunks: Array(repeating: 1, count: inBandScript.count))
        XCTAssertEqual(byteByByte.output, whole.output)
        XCTAssertEqual(byteByByte.log, whole.log)
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<25 {
            let chunks = randomChunks(inBandScript.count, &generator)
            let split = await run(inBandScript, chunks: chunks)
            XCTAssertEqual(split.output, whole.output, "chunks \(chunks)")
            XCTAssertEqual(split.log, whole.log, "chunks \(chunks)")
        }
    }

    func testOutOfBandConversation() async {
        let (output, _) = await run(outOfBandScript, chunks: [outOfBandScript.count])
        XCTAssertEqual(
            output,
            wire(
                #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}, "capabilities": ["oob"]}}"#,
                #"{"return": {}}"#,
                #"{"return": {}, "id": "a"}"#,
                errorResponse("The command query-status does not support OOB", id: #""b""#),
                #"{"return": {"status": "running"}, "id": 1}"#,
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "STOP"}"#,
                #"{"return": {}, "id": 2}"#,
                errorResponse("JSON parse error, stray '@'"),
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "SHUTDOWN", "#
                    + #""data": {"guest": false, "reason": "host-qmp-quit"}}"#,
                #"{"return": {}, "id": 3}"#))
    }

    func testOutOfBandOutputIsIndependentOfSplits() async {
        let whole = await run(outOfBandScript, chunks: [outOfBandScript.count])
        let byteByByte = await run(outOfBandScript, chunks: Array(repeating: 1, count: outOfBandScript.count))
        XCTAssertEqual(byteByByte.output, whole.output)
        var generator = SplitMix64(seed: 0x00B)
        for _ in 0..<25 {
            let chunks = randomChunks(outOfBandScript.count, &generator)
            let split = await run(outOfBandScript, chunks: chunks)
            XCTAssertEqual(split.output, whole.output, "chunks \(chunks)")
        }
    }

    func testJ10ParseErrorsAreQueuedInOrder() async {
        let harness = SessionHarness()
        await harness.openNegotiated(oob: true)
        await harness.feed(#"{"execute": "query-status", "id": 1}@ }{"execute": "query-status", "id": 2}"#)
        XCTAssertEqual(harness.session.queuedRequestCount, 4)
        XCTAssertEqual(harness.log, ["ready", "ready", "ready", "ready"])
        await harness.drain()
        XCTAssertEqual(
            harness.takeOutput(),
            wire(
                #"{"return": {"status": "running"}, "id": 1}"#,
                errorResponse("JSON parse error, stray '@'"),
                errorResponse("JSON parse error, expecting value"),
                #"{"return": {"status": "running"}, "id": 2}"#))
    }

    func testJ11ResynchronisationGivesOneError() async {
        let harness = SessionHarness()
        await harness.openNegotiated()
        await harness.feed(Array(#"{"execute": "query-status", "arguments": {"#.utf8) + [0xFF])
        await harness.feed(#"{"execute": "query-status"}"#)
        await harness.drain()
        XCTAssertEqual(
            harness.takeOutput(),
            wire(errorResponse("JSON parse error, stray '\\uFFFD'"), #"{"return": {"status": "running"}}"#))
    }

    func testTopLevelNumberNeedsTheNextByte() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true))
        _ = session.opened()
        let first = session.receive(Array("42".utf8))
        XCTAssertEqual(first.consumed, 2)
        XCTAssertEqual(first.actions, [])
        let second = session.receive(Array(" ".utf8))
        XCTAssertEqual(second.consumed, 1)
        XCTAssertEqual(second.actions, [.requestReady, .suspend])
    }

    func testInputWithoutAConnectionIsDiscarded() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true))
        let result = session.receive(Array(#"{"execute": "qmp_capabilities"}"#.utf8))
        XCTAssertEqual(result.consumed, 31)
        XCTAssertEqual(result.actions, [])
        XCTAssertEqual(session.queuedRequestCount, 0)
        XCTAssertEqual(session.dequeue(), [])
    }
}
