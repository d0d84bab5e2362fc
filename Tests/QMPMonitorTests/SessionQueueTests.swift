import QAPIRuntime
import QMPMonitor
import XCTest

/// Spec Q1, Q2, Q4, O3, T7 and H5: the in-band queue, suspension, out-of-band
/// requests, disconnection and closing after a response, action by action.
final class SessionQueueTests: XCTestCase {
    private let success = QMPResponse(id: nil, result: .success(["status": "running"]))
    private let successBytes = wireBytes(#"{"return": {"status": "running"}}"#)

    /// `{"execute": "query-status", "id": N}`.
    private func status(_ id: Int) -> String {
        #"{"execute": "query-status", "id": \#(id)}"#
    }

    /// The request `status(id)` parses to.
    private func statusRequest(_ id: Int64) -> QMPRequest {
        QMPRequest(id: .int(id), command: "query-status")
    }

    /// A session that has negotiated, with `oob` enabled or not.
    private func negotiatedSession(oob: Bool) -> QMPSession {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true))
        _ = session.opened()
        let enable = oob ? #", "arguments": {"enable": ["oob"]}"# : ""
        let negotiation = Array(#"{"execute": "qmp_capabilities"\#(enable)}"#.utf8)
        XCTAssertEqual(session.receive(negotiation).actions, [.requestReady, .suspend])
        XCTAssertEqual(session.dequeue(), [.write(wireBytes(#"{"return": {}}"#)), .resume])
        XCTAssertEqual(session.isOOBEnabled, oob)
        return session
    }

    func testQ1OneRequestAtATime() {
        var session = negotiatedSession(oob: false)
        let input = Array((status(1) + status(2)).utf8)
        let first = session.receive(input)
        XCTAssertEqual(first.consumed, status(1).utf8.count)
        XCTAssertEqual(first.actions, [.requestReady, .suspend])
        XCTAssertTrue(session.isSuspended)
        let rest = input[first.consumed...]
        XCTAssertEqual(session.receive(rest), QMPSession.ReceiveResult(consumed: 0, actions: []))

        XCTAssertEqual(session.dequeue(), [.runInBand(statusRequest(1))])
        XCTAssertTrue(session.isServing)
        XCTAssertTrue(session.isSuspended, "suspended until the request is finished")
        XCTAssertEqual(session.receive(rest).consumed, 0)
        XCTAssertEqual(session.finishInBand(success), [.write(successBytes), .resume])
        XCTAssertFalse(session.isServing)

        let second = session.receive(rest)
        XCTAssertEqual(second.consumed, rest.count)
        XCTAssertEqual(second.actions, [.requestReady, .suspend])
        XCTAssertEqual(session.dequeue(), [.runInBand(statusRequest(2))])
        XCTAssertEqual(session.finishInBand(nil), [.resume])
        XCTAssertEqual(session.dequeue(), [])
    }

    func testQ1ParseErrorsSuspendToo() {
        var session = negotiatedSession(oob: false)
        let result = session.receive(Array("@@".utf8))
        XCTAssertEqual(result.consumed, 1)
        XCTAssertEqual(result.actions, [.requestReady, .suspend])
        XCTAssertEqual(session.dequeue(), [.write(wireBytes(errorResponse("JSON parse error, stray '@'"))), .resume])
    }

    func testQ2EightDeepQueue() {
        var session = negotiatedSession(oob: true)
        let requests = (1...10).map(status)
        let input = Array(requests.joined().utf8)
        let eight = requests[..<8].joined().utf8.count

        let first = session.receive(input)
        XCTAssertEqual(first.consumed, eight, "stops right after the 8th request")
        XCTAssertEqual(first.actions, Array(repeating: .requestReady, count: 8) + [.suspend])
        XCTAssertEqual(session.queuedRequestCount, 8)
        var rest = input[first.consumed...]
        XCTAssertEqual(session.receive(rest).consumed, 0)

        XCTAssertEqual(
            session.dequeue(), [.resume, .runInBand(statusRequest(1))], "resumes on dequeue, before running")
        let ninth = session.receive(rest)
        XCTAssertEqual(ninth.consumed, requests[8].utf8.count)
        XCTAssertEqual(ninth.actions, [.requestReady, .suspend])
        rest = rest.dropFirst(ninth.consumed)
        XCTAssertEqual(session.finishInBand(success), [.write(successBytes)], "no resume on finish with OOB")

        XCTAssertEqual(session.dequeue(), [.resume, .runInBand(statusRequest(2))])
        XCTAssertEqual(session.finishInBand(success), [.write(successBytes)])
        let tenth = session.receive(rest)
        XCTAssertEqual(tenth.consumed, rest.count)
        XCTAssertEqual(tenth.actions, [.requestReady, .suspend])

        for id in 3...10 {
            let expected: [QMPSessionAction] =
                id == 3 ? [.resume, .runInBand(statusRequest(3))] : [.runInBand(statusRequest(Int64(id)))]
            XCTAssertEqual(session.dequeue(), expected)
            XCTAssertEqual(session.finishInBand(success), [.write(successBytes)])
        }
        XCTAssertEqual(session.queuedRequestCount, 0)
        XCTAssertFalse(session.isSuspended)
    }

    func testQ1ToQ2CapabilitiesResumeAfterFinishing() {
        var session = QMPSession(configuration: .init(version: testVersion, usesIOThread: true))
        _ = session.opened()
        let input = Array(
            (#"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"# + status(1) + status(2)).utf8)
        let first = session.receive(input)
        XCTAssertEqual(first.actions, [.requestReady, .suspend])
        XCTAssertEqual(session.dequeue(), [.write(wireBytes(#"{"return": {}}"#)), .resume])
        let rest = session.receive(input[first.consumed...])
        XCTAssertEqual(rest.consumed, input.count - first.consumed, "OOB on: no suspension below 8")
        XCTAssertEqual(rest.actions, [.requestReady, .requestReady])
    }

    func testO3OutOfBandJumpsTheQueue() {
        var session = negotiatedSession(oob: true)
        let input = Array((status(1) + status(2) + #"{"exec-oob": "yank", "id": "y"}"# + status(3)).utf8)
        let result = session.receive(input)
        XCTAssertEqual(result.consumed, input.count)
        XCTAssertEqual(
            result.actions,
            [
                .requestReady, .requestReady, .runOutOfBand(QMPRequest(id: "y", command: "yank", isOOB: true)),
                .requestReady,
            ])
        XCTAssertEqual(
            session.finishOutOfBand(QMPResponse(id: "y", result: .success([:]))),
            [.write(wireBytes(#"{"return": {}, "id": "y"}"#))])
        XCTAssertEqual(session.dequeue(), [.runInBand(statusRequest(1))])
        let oobWhileServing = session.receive(Array(#"{"exec-oob": "yank"}"#.utf8))
        XCTAssertEqual(oobWhileServing.actions, [.runOutOfBand(QMPRequest(command: "yank", isOOB: true))])
        XCTAssertEqual(session.finishOutOfBand(nil), [])
        XCTAssertEqual(session.finishInBand(success), [.write(successBytes)])
    }

    func testQ4DisconnectDiscardsQueueAndPartialInput() async {
        let harness = SessionHarness()
        await harness.openNegotiated(oob: true)
        await harness.feed(status(1) + status(2) + #"{"execute": "#)
        XCTAssertEqual(harness.session.queuedRequestCount, 2)
        harness.close()
        XCTAssertEqual(harness.session.queuedRequestCount, 0)
        XCTAssertEqual(harness.session.mode, .closed)
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), "")
        XCTAssertEqual(harness.log, ["ready", "ready"])

        harness.open()
        _ = harness.takeOutput()
        await harness.feed(#"{"execute": "qmp_capabilities", "id": 1}"#)
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), wire(#"{"return": {}, "id": 1}"#), "the old partial input is forgotten")
    }

    func testT7DisconnectResumesASuspendedSession() {
        var session = negotiatedSession(oob: false)
        XCTAssertEqual(session.receive(Array(status(1).utf8)).actions, [.requestReady, .suspend])
        XCTAssertEqual(session.closed(), [.resume])
        XCTAssertFalse(session.isSuspended)
        XCTAssertEqual(session.dequeue(), [])
    }

    func testT7DisconnectWhileServingDropsTheResponse() {
        var session = negotiatedSession(oob: false)
        _ = session.receive(Array(status(1).utf8))
        XCTAssertEqual(session.dequeue(), [.runInBand(statusRequest(1))])
        XCTAssertEqual(session.closed(), [], "stays suspended while the request runs")
        XCTAssertTrue(session.isSuspended)
        let greeting = session.opened()
        XCTAssertEqual(greeting.count, 1)
        XCTAssertEqual(session.receive(Array(status(2).utf8)).consumed, 0)
        XCTAssertEqual(session.finishInBand(success), [.resume], "the old connection's response is dropped")
        XCTAssertEqual(session.receive(Array(status(2).utf8)).actions, [.requestReady, .suspend])
    }

    func testH5CloseAfterTheResponse() async {
        let harness = SessionHarness()
        await harness.openNegotiated(oob: true)
        await harness.feed(#"{"execute": "remove-self", "id": 9}"# + status(2))
        await harness.serveOne()
        XCTAssertEqual(harness.takeOutput(), wire(#"{"return": {}, "id": 9}"#))
        XCTAssertEqual(harness.log, ["ready", "ready", "run remove-self", "write", "close"])
        XCTAssertEqual(harness.session.mode, .closed)
        XCTAssertEqual(harness.session.queuedRequestCount, 0, "queued requests are dropped")
        harness.emit("STOP")
        await harness.feed(status(3))
        await harness.drain()
        XCTAssertEqual(harness.takeOutput(), "")
    }

    func testH5ClosingWhileServingDropsLaterInputAndEvents() {
        var session = negotiatedSession(oob: false)
        _ = session.receive(Array(status(1).utf8))
        XCTAssertEqual(session.dequeue(), [.runInBand(statusRequest(1))])
        XCTAssertEqual(session.closeAfterCurrentResponse(), [])
        XCTAssertEqual(session.event(QMPEventMessage(name: "STOP", data: nil, timestamp: testTimestamp)), [])
        XCTAssertEqual(
            session.receive(Array(status(2).utf8)),
            QMPSession.ReceiveResult(consumed: status(2).utf8.count, actions: []))
        XCTAssertEqual(session.finishInBand(success), [.write(successBytes), .resume, .close])
        XCTAssertEqual(session.mode, .closed)
    }

    func testH5CloseWithNothingInFlightClosesNow() {
        var session = negotiatedSession(oob: true)
        _ = session.receive(Array(status(1).utf8))
        XCTAssertEqual(session.closeAfterCurrentResponse(), [.close])
        XCTAssertEqual(session.queuedRequestCount, 0)
        XCTAssertEqual(session.closeAfterCurrentResponse(), [])
    }
}
