import QAPIRuntime
import QMPMonitor
import XCTest

/// Spec R1–R12 and O2–O5 through a session in command mode: the bytes a
/// client gets back.
final class SessionRequestTests: XCTestCase {
    /// The output for `input`, sent at once to a negotiated session and
    /// fully served.
    private func respond(
        _ input: String, oob: Bool = false, policy: QMPDispatchPolicy = QMPDispatchPolicy()
    ) async -> String {
        let harness = SessionHarness()
        await harness.openNegotiated(oob: oob)
        harness.policy = policy
        await harness.feed(input)
        await harness.drain()
        return harness.takeOutput()
    }

    func testR1NotAnObject() async {
        let output = await respond(#"[1] 2 "s" null true {"#)
        let notObject = errorResponse("QMP input must be a JSON object")
        XCTAssertEqual(output, wire(notObject, notObject, notObject, notObject, notObject))
    }

    func testR2IdIsEchoedReserialised() async {
        let output = await respond(
            #"{"execute": "query-status", "id": 'one'}{"id": {"a": [1, 1e2]}, "execute": "query-status"}"#
                + #"{"execute": "nope", "id": null}{"execute": "query-status", "id": -0}"#)
        XCTAssertEqual(
            output,
            wire(
                #"{"return": {"status": "running"}, "id": "one"}"#,
                #"{"return": {"status": "running"}, "id": {"a": [1, 100]}}"#,
                errorResponse("The command nope has not been found", "CommandNotFound", id: "null"),
                #"{"return": {"status": "running"}, "id": 0}"#))
    }

    func testR3MemberChecksInQDictOrder() async {
        let output = await respond(
            #"{"id": 15, "arguments": 5, "execute": 3}{"execute": "query-status", "arguments": null, "id": 1}"#
                + #"{"execute": "query-status", "control": {"run-oob": true}}"#
                + #"{"execute": "query-status", "exec-oob": "yank", "id": 2}"#)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("QMP input member 'execute' must be a string", id: "15"),
                errorResponse("QMP input member 'arguments' must be an object", id: "1"),
                errorResponse("QMP input member 'control' is unexpected"),
                errorResponse("QMP input member 'exec-oob' is unexpected", id: "2")))
    }

    func testR3ClashWithOOBEnabled() async {
        let output = await respond(#"{"execute": "query-status", "exec-oob": "yank", "id": 2}"#, oob: true)
        XCTAssertEqual(output, wire(errorResponse("QMP input member 'execute' clashes with 'exec-oob'", id: "2")))
    }

    func testR4NoCommand() async {
        let output = await respond(#"{}{"id": 7}{"arguments": {}}"#)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("QMP input lacks member 'execute'"),
                errorResponse("QMP input lacks member 'execute'", id: "7"),
                errorResponse("QMP input lacks member 'execute'")))
    }

    func testR5UnknownCommand() async {
        let output = await respond(#"{"execute": "query_status"}{"execute": "Query-Status", "id": 1}{"execute": ""}"#)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("The command query_status has not been found", "CommandNotFound"),
                errorResponse("The command Query-Status has not been found", "CommandNotFound", id: "1"),
                errorResponse("The command  has not been found", "CommandNotFound")))
    }

    func testR6PolicyAndDisabled() async {
        let strict = QMPDispatchPolicy(compat: QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true))
        let output = await respond(
            #"{"execute": "old"}{"execute": "x-new"}{"execute": "retired", "id": 3}"#, policy: strict)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("Deprecated command old disabled by policy", "CommandNotFound"),
                errorResponse("Unstable command x-new disabled by policy", "CommandNotFound"),
                errorResponse("Command retired has been disabled: gone for good", "CommandNotFound", id: "3")))
    }

    func testR7OOBRefusalAndO4() async {
        let output = await respond(
            #"{"exec-oob": "query-status", "arguments": {"bad": 1}, "id": 1}{"exec-oob": "qmp_capabilities"}"#
                + #"{"exec-oob": "nope"}{"exec-oob": 1}{"exec-oob": "yank", "id": "y"}{"exec-oob": "yank"}"#,
            oob: true)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("The command query-status does not support OOB", id: "1"),
                errorResponse("The command qmp_capabilities does not support OOB"),
                errorResponse("The command nope has not been found", "CommandNotFound"),
                errorResponse("QMP input member 'exec-oob' must be a string"),
                #"{"return": {}, "id": "y"}"#,
                #"{"return": {}}"#))
    }

    func testO2ExecOOBWithOOBDisabledIsAnsweredAtOnce() async {
        let harness = SessionHarness()
        await harness.openNegotiated()
        await harness.feed(#"{"exec-oob": "yank", "id": 1}"#)
        XCTAssertEqual(harness.log, ["write"])
        XCTAssertEqual(harness.takeOutput(), wire(errorResponse("QMP input member 'exec-oob' is unexpected", id: "1")))
    }

    func testR8Preconfig() async {
        let output = await respond(
            #"{"execute": "query-status", "id": 1}"#, policy: QMPDispatchPolicy(machineReady: false))
        XCTAssertEqual(
            output,
            wire(
                errorResponse(
                    "The command 'query-status' is permitted only after machine initialization has completed", id: "1"))
        )
    }

    func testR9MissingArgumentsIsEmpty() async {
        let output = await respond(
            #"{"execute": "query-status"}{"execute": "query-status", "arguments": {"x": 1}}{"execute": "lookup"}"#)
        XCTAssertEqual(
            output,
            wire(
                #"{"return": {"status": "running"}}"#,
                errorResponse("Parameter 'x' is unexpected"),
                errorResponse("Parameter 'path' is missing")))
    }

    func testR10SuccessAndNoSuccessResponse() async {
        let output = await respond(
            #"{"execute": "stop", "id": 1}{"execute": "guest-sync", "id": 2}{"execute": "query-status"}"#)
        XCTAssertEqual(
            output,
            wire(
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "STOP"}"#,
                #"{"return": {}, "id": 1}"#,
                #"{"return": {"status": "running"}}"#))
    }

    func testR11AndR12ArgumentAndHandlerErrors() async {
        let output = await respond(
            #"{"execute": "lookup", "arguments": {"path": 1}, "id": 1}"#
                + #"{"execute": "lookup", "arguments": {"path": "/missing"}, "id": 2}"#
                + #"{"execute": "fail", "id": 3}{"execute": "lookup", "arguments": {"path": "/ok"}, "id": 4}"#)
        XCTAssertEqual(
            output,
            wire(
                errorResponse("Invalid parameter type for 'path', expected: string", id: "1"),
                errorResponse("Device '/missing' not found", "DeviceNotFound", id: "2"),
                errorResponse("it failed", id: "3"),
                #"{"return": "/ok", "id": 4}"#))
    }

    func testE3EventsPrecedeTheResponse() async {
        let output = await respond(#"{"execute": "quit", "id": 1}"#)
        XCTAssertEqual(
            output,
            wire(
                #"{"timestamp": {"seconds": 1700000000, "microseconds": 123456}, "event": "SHUTDOWN", "#
                    + #""data": {"guest": false, "reason": "host-qmp-quit"}}"#,
                #"{"return": {}, "id": 1}"#))
    }
}
