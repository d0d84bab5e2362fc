import Foundation
import QMPMonitor
import XCTest

/// Input pacing and output buffering on a socket chardev: pause and
/// resume (spec Q1/Q2), large writes, closing after the flush (spec H5),
/// and the two ways a client can stop sending.
final class StreamFlowTests: ChardevTestCase {
    /// `count` numbered lines, e.g. `line 0\n`.
    private func lines(_ count: Int) -> [String] {
        (0..<count).map { "line \($0)\n" }
    }

    func testPausedReadingDeliversNothingAndResumeDeliversEverythingInOrder() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend(consumption: .oneLineThenPause)
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        let expected = lines(200)
        client.send(expected.joined())

        for index in expected.indices {
            let soFar = expected[...index].joined()
            guard frontend.wait("line \(index)", until: { $0.receivedText.count >= soFar.count }) else { break }
            XCTAssertEqual(frontend.receivedText, soFar, "nothing is delivered while paused")
            link.resumeReading()
        }
        client.close()
        frontend.wait("closed") { $0.closedCount == 1 }
        XCTAssertEqual(frontend.receivedText, expected.joined())
        link.detach()
    }

    func testConsumingOneByteAtATimeOffersTheRestAgainInOrder() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend(consumption: .oneByte)
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        let text = lines(50).joined()
        client.send(text)
        frontend.waitForText(text)
        XCTAssertTrue(
            frontend.recorded.dropFirst().allSatisfy {
                if case .received(let bytes) = $0 { bytes.count == 1 } else { false }
            })
        link.detach()
    }

    func testPauseFromAnotherThreadHoldsInputUntilResume() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        client.send("first")
        frontend.waitForText("first")
        link.pauseReading()
        client.send("second")
        client.shutdownWrite()
        link.resumeReading()
        frontend.waitForText("firstsecond")
        frontend.wait("closed after the half-close") { $0.closedCount == 1 }
        link.detach()
    }

    func testInputBeyondTheBufferLimitWaitsInTheKernelWhilePaused() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        frontend.wait("opened") { $0.openedCount == 1 }
        link.pauseReading()
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let sent = DispatchSemaphore(value: 0)
        let descriptor = client.descriptor
        DispatchQueue.global().async {
            XCTAssertTrue(TestClient.send(payload, on: descriptor))
            sent.signal()
        }
        link.resumeReading()
        frontend.wait("a megabyte") { $0.receivedByteCount == payload.count }
        XCTAssertEqual(sent.wait(timeout: .now() + 10), .success)
        XCTAssertTrue(frontend.receivedBytes == payload, "every byte arrives, in order")
        link.detach()
    }

    func testLargeWriteReachesASlowReaderWhole() throws {
        let chardev = try addUnixServer("mon0")
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        let frontend = RecordingFrontend { event, link in
            if event == .opened {
                link.write(Array(payload[..<1000]))
                link.write(Array(payload[1000...]))
            }
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        let received = client.read(count: payload.count, chunk: 4096)
        XCTAssertEqual(received.count, payload.count)
        XCTAssertTrue(received == payload, "the bytes arrive whole and in order")
        link.detach()
    }

    func testCloseAfterFlushDeliversPendingOutputFirst() throws {
        let chardev = try addUnixServer("mon0")
        let response = Array(repeating: UInt8(ascii: "r"), count: 300_000) + Array("\r\n".utf8)
        let frontend = RecordingFrontend { event, link in
            guard case .received = event else { return }
            link.write(response)
            link.closeConnection(afterFlush: true)
            link.write(Array("dropped".utf8))
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        client.send("bye\n")
        XCTAssertEqual(client.readToEnd(), response)
        frontend.wait("closed") { $0.closedCount == 1 }
        XCTAssertEqual(chardev.filename, "disconnected:unix:\(path("qmp.sock")),server=on")

        let next = try TestClient.unix(path("qmp.sock"))
        frontend.wait("the next client") { $0.openedCount == 2 }
        next.close()
        link.detach()
    }

    func testCloseWithoutFlushDropsTheConnectionAtOnce() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend { event, link in
            if event == .opened { link.closeConnection(afterFlush: false) }
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        XCTAssertEqual(client.readToEnd(), [])
        frontend.wait("closed") { $0.closedCount == 1 }
        link.detach()
    }

    func testHalfCloseStillServesBufferedRequestsAndTheirAnswers() throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend(consumption: .oneLineThenPause) { event, link in
            if case .received(let bytes) = event { link.write(Array("ok ".utf8) + bytes) }
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        client.send("a\nb\nc\n")
        client.shutdownWrite()
        for line in ["a\n", "a\nb\n", "a\nb\nc\n"] {
            guard frontend.wait("'\(line)'", until: { $0.receivedText == line }) else { break }
            link.resumeReading()
        }
        XCTAssertEqual(client.readToEnd(), Array("ok a\nok b\nok c\n".utf8))
        frontend.wait("closed") { $0.closedCount == 1 }
        link.detach()
    }

    /// Input read but not consumed when the peer hangs up is dropped.
    func testHangUpDropsInputThatWasNotConsumed() throws {
        try assertHangUpWhilePausedDropsTheRest(first: "a\nb\n", thenAfterPause: "")
    }

    /// Input sent while reading is paused stays in the kernel, and a
    /// hang-up is still seen: the connection is dropped with that input.
    func testHangUpWhilePausedIsSeenWithInputLeftInTheKernel() throws {
        try assertHangUpWhilePausedDropsTheRest(first: "a\n", thenAfterPause: "b\n")
    }

    /// Sends `first`, waits until the frontend took its first line and
    /// paused, sends `thenAfterPause` and hangs up: the frontend is told
    /// the connection closed, and never gets more than that line.
    private func assertHangUpWhilePausedDropsTheRest(first: String, thenAfterPause: String) throws {
        let chardev = try addUnixServer("mon0")
        let frontend = RecordingFrontend(consumption: .oneLineThenPause)
        let link = try chardev.attach(frontend)
        let client = try TestClient.unix(path("qmp.sock"))
        client.send(first)
        frontend.waitForText("a\n")
        if !thenAfterPause.isEmpty { client.send(thenAfterPause) }
        client.close()
        frontend.wait("closed while paused") { $0.closedCount == 1 }
        link.resumeReading()
        XCTAssertEqual(frontend.recorded, [.opened, .received(Array("a\n".utf8)), .closed])
        link.detach()
    }
}
