import QAPIRuntime
import QMPMonitor
import XCTest

/// Spec N1–N7: capabilities negotiation, with QEMU's exact texts.
final class SessionNegotiationTests: XCTestCase {
    private let expecting = "Expecting capabilities negotiation with 'qmp_capabilities'"

    /// The responses to `requests`, sent one by one to a session still
    /// negotiating.
    private func negotiating(
        _ requests: [String], usesIOThread: Bool = true
    ) async -> (harness: SessionHarness, output: String) {
        let harness = SessionHarness(usesIOThread: usesIOThread)
        harness.open()
        _ = harness.takeOutput()
        for request in requests {
            await harness.feed(request)
            await harness.drain()
        }
        return (harness, harness.takeOutput())
    }

    func testN1EveryOtherCommandIsRewritten() async {
        let (harness, output) = await negotiating([
            #"{"execute": "query-status", "id": 1}"#,
            #"{"execute": "nope", "id": "a"}"#,
            #"{"execute": "retired"}"#,
            #"{"execute": ""}"#,
        ])
        XCTAssertEqual(
            output,
            wire(
                errorResponse(expecting, "CommandNotFound", id: "1"),
                errorResponse(expecting, "CommandNotFound", id: #""a""#),
                errorResponse(expecting, "CommandNotFound"),
                errorResponse(expecting, "CommandNotFound")))
        XCTAssertEqual(harness.session.mode, .negotiating)
    }

    func testN2OtherErrorsAreUnchanged() async {
        let (_, output) = await negotiating([
            "@",
            "[1]",
            #"{"execute": 1, "id": 2}"#,
            #"{"id": 3}"#,
            #"{"execute": "qmp_capabilities", "arguments": 5, "id": 4}"#,
            #"{"execute": "qmp_capabilities", "control": {}, "id": 5}"#,
        ])
        XCTAssertEqual(
            output,
            wire(
                errorResponse("JSON parse error, stray '@'"),
                errorResponse("QMP input must be a JSON object"),
                errorResponse("QMP input member 'execute' must be a string", id: "2"),
                errorResponse("QMP input lacks member 'execute'", id: "3"),
                errorResponse("QMP input member 'arguments' must be an object", id: "4"),
                errorResponse("QMP input member 'control' is unexpected", id: "5")))
    }

    func testN3ArgumentErrors() async {
        let (harness, output) = await negotiating([
            #"{"execute": "qmp_capabilities", "arguments": {"enable": "oob"}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": null}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": {}}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": [1]}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", true]}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": ["bogus"]}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"enable": ["OOB"]}}"#,
            #"{"execute": "qmp_capabilities", "arguments": {"foo": 1}, "id": 7}"#,
        ])
        XCTAssertEqual(
            output,
            wire(
                errorResponse("Invalid parameter type for 'enable', expected: array"),
                errorResponse("Invalid parameter type for 'enable', expected: array"),
                errorResponse("Invalid parameter type for 'enable', expected: array"),
                errorResponse("Invalid parameter type for 'enable[0]', expected: string"),
                errorResponse("Invalid parameter type for 'enable[1]', expected: string"),
                errorResponse("Parameter 'null' does not accept value 'bogus'"),
                errorResponse("Parameter 'null' does not accept value 'OOB'"),
                errorResponse("Parameter 'foo' is unexpected", id: "7")))
        XCTAssertEqual(harness.session.mode, .negotiating)
    }

    func testN3DuplicatesAndEmptyListAreAccepted() async {
        let (duplicates, duplicatesOutput) = await negotiating([
            #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "oob"]}, "id": 1}"#
        ])
        XCTAssertEqual(duplicatesOutput, wire(#"{"return": {}, "id": 1}"#))
        XCTAssertTrue(duplicates.session.isOOBEnabled)
        let (empty, emptyOutput) = await negotiating([#"{"execute": "qmp_capabilities", "arguments": {"enable": []}}"#])
        XCTAssertEqual(emptyOutput, wire(#"{"return": {}}"#))
        XCTAssertEqual(empty.session.mode, .commandMode)
        XCTAssertFalse(empty.session.isOOBEnabled)
    }

    func testN3CapabilityNotOffered() async {
        let (harness, output) = await negotiating(
            [
                #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}, "id": 1}"#,
                #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "oob"]}}"#,
                #"{"execute": "query-status"}"#,
            ], usesIOThread: false)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("Capability oob not available", id: "1"),
                errorResponse("Capability oob, oob not available"),
                errorResponse(expecting, "CommandNotFound")))
        XCTAssertEqual(harness.session.mode, .negotiating)
        XCTAssertFalse(harness.session.isOOBEnabled)
    }

    func testN4SuccessEntersCommandMode() async {
        let (harness, output) = await negotiating([
            #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}, "id": "neg"}"#,
            #"{"execute": "query-status", "id": 2}"#,
        ])
        XCTAssertEqual(output, wire(#"{"return": {}, "id": "neg"}"#, #"{"return": {"status": "running"}, "id": 2}"#))
        XCTAssertEqual(harness.session.mode, .commandMode)
        XCTAssertTrue(harness.session.isOOBEnabled)
    }

    func testN4WithoutArgumentsEnablesNothing() async {
        let (harness, output) = await negotiating([#"{"execute": "qmp_capabilities", "arguments": {}}"#])
        XCTAssertEqual(output, wire(#"{"return": {}}"#))
        XCTAssertEqual(harness.session.mode, .commandMode)
        XCTAssertFalse(harness.session.isOOBEnabled)
    }

    func testN5AfterNegotiation() async {
        let harness = SessionHarness()
        await harness.openNegotiated()
        await harness.feed(#"{"execute": "qmp_capabilities", "id": 1}"#)
        await harness.feed(#"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#)
        await harness.feed(#"{"execute": "qmp_capabilities", "arguments": {"enable": "oob"}, "id": 3}"#)
        await harness.feed(#"{"execute": "qmp_capabilities", "arguments": {"foo": 1}}"#)
        await harness.drain()
        let ignored = "Capabilities negotiation is already complete, command ignored"
        XCTAssertEqual(
            harness.takeOutput(),
            wire(
                errorResponse(ignored, "CommandNotFound", id: "1"),
                errorResponse(ignored, "CommandNotFound"),
                errorResponse("Invalid parameter type for 'enable', expected: array", id: "3"),
                errorResponse("Parameter 'foo' is unexpected")))
        XCTAssertFalse(harness.session.isOOBEnabled)
    }

    func testN5EvenBeforeTheMachineIsReady() async {
        let harness = SessionHarness()
        await harness.openNegotiated()
        harness.policy = QMPDispatchPolicy(machineReady: false)
        await harness.feed(#"{"execute": "qmp_capabilities"}{"execute": "query-status"}"#)
        await harness.drain()
        XCTAssertEqual(
            harness.takeOutput(),
            wire(
                errorResponse("Capabilities negotiation is already complete, command ignored", "CommandNotFound"),
                errorResponse(
                    "The command 'query-status' is permitted only after machine initialization has completed")))
    }

    func testN6NoEventsWhileNegotiating() async {
        let harness = SessionHarness()
        harness.open()
        _ = harness.takeOutput()
        harness.emit("STOP")
        XCTAssertEqual(harness.takeOutput(), "")
        await harness.feed(#"{"execute": "qmp_capabilities"}"#)
        await harness.drain()
        harness.emit("RESUME")
        XCTAssertEqual(
            harness.takeOutput(),
            wire(
                #"{"return": {}}"#,
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "RESUME"}"#))
    }

    func testNoEventsWhileClosed() {
        let harness = SessionHarness()
        harness.emit("STOP")
        XCTAssertEqual(harness.takeOutput(), "")
        XCTAssertEqual(harness.log, [])
    }

    func testN7ExecOOBBeforeNegotiation() async {
        let (harness, output) = await negotiating([
            #"{"exec-oob": "qmp_capabilities", "id": 1}"#,
            #"{"exec-oob": "yank"}"#,
        ])
        XCTAssertEqual(
            output,
            wire(
                errorResponse("QMP input member 'exec-oob' is unexpected", id: "1"),
                errorResponse("QMP input member 'exec-oob' is unexpected")))
        XCTAssertEqual(harness.log, ["write", "write", "write"], "greeting, then answered at once, not queued")
        XCTAssertEqual(harness.session.mode, .negotiating)
    }
}
