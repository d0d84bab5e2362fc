import QAPIRuntime
import XCTest

/// Spec R5–R12 and O4, O5: dispatching requests to commands.
final class QMPDispatchTests: XCTestCase {
    /// Commands covering every flag and feature.
    private static let registry: QMPCommandRegistry = {
        var registry = QMPCommandRegistry()
        registry.register(
            QMPCommand(
                name: "query-status",
                body: .inBand { arguments, policy throws(QMPError) in
                    _ = try QAPIDecoder.decode(NoArgs.self, from: .object(arguments), policy: policy)
                    return ["running": true, "status": "running"]
                }))
        registry.register(
            QMPCommand(
                name: "lookup",
                body: .inBand { arguments, policy throws(QMPError) in
                    let address = try QAPIDecoder.decode(UnixAddress.self, from: .object(arguments), policy: policy)
                    if address.path == "/missing" { throw QMPError(.deviceNotFound, "Device '/missing' not found") }
                    return .string(address.path)
                }))
        registry.register(
            QMPCommand(
                name: "retire",
                body: .inBand { arguments, policy throws(QMPError) in
                    _ = try QAPIDecoder.decode(Retired.self, from: .object(arguments), policy: policy)
                    return [:]
                }))
        registry.register(
            QMPCommand(
                name: "yank", flags: .allowOOB,
                body: .outOfBand { arguments, _ in
                    .object(arguments)
                }))
        registry.register(QMPCommand(name: "old", features: .deprecated, body: .inBand { _, _ in [:] }))
        registry.register(QMPCommand(name: "x-new", features: .unstable, body: .inBand { _, _ in [:] }))
        registry.register(
            QMPCommand(
                name: "guest-sync", flags: .noSuccessResponse,
                body: .inBand { arguments, _ throws(QMPError) in
                    if arguments["fail"] != nil { throw .generic("sync failed") }
                    return [:]
                }))
        registry.register(QMPCommand(name: "qmp_capabilities", flags: .allowPreconfig, body: .inBand { _, _ in [:] }))
        return registry
    }()

    /// The compact, QEMU-ordered response to `text`, or `none`.
    private func respond(
        _ text: String, oob: Bool = true, policy: QMPDispatchPolicy = QMPDispatchPolicy(),
        registry: QMPCommandRegistry = registry, file: StaticString = #filePath, line: UInt = #line
    ) async -> String? {
        guard let message = value(text, file: file, line: line) else { return nil }
        let response = await registry.dispatch(message, oobEnabled: oob, policy: policy)
        return response.map { JSONWriter(memberOrder: .qdict).string($0.json) } ?? "none"
    }

    private func error(_ desc: String, _ errorClass: String = "GenericError", id: String? = nil) -> String {
        let body = #""error": {"class": "\#(errorClass)", "desc": "\#(desc)"}"#
        return id.map { #"{"id": \#($0), \#(body)}"# } ?? "{\(body)}"
    }

    // MARK: R5

    func testR5UnknownCommand() async {
        let result = await respond(#"{"execute": "nope", "id": 1}"#)
        XCTAssertEqual(result, error("The command nope has not been found", "CommandNotFound", id: "1"))
    }

    func testR5LookupIsExactAndCaseSensitive() async {
        let underscore = await respond(#"{"execute": "query_status"}"#)
        XCTAssertEqual(underscore, error("The command query_status has not been found", "CommandNotFound"))
        let capitals = await respond(#"{"execute": "Query-Status"}"#)
        XCTAssertEqual(capitals, error("The command Query-Status has not been found", "CommandNotFound"))
        let empty = await respond(#"{"execute": ""}"#)
        XCTAssertEqual(empty, error("The command  has not been found", "CommandNotFound"))
    }

    func testR5NamesCompareByteForByte() async {
        var registry = QMPCommandRegistry()
        registry.register(QMPCommand(name: "caf\u{E9}", body: .inBand { _, _ in 1 }))
        let same = await respond(#"{"execute": "caf\u00e9"}"#, registry: registry)
        XCTAssertEqual(same, #"{"return": 1}"#)
        let decomposed = await respond(#"{"execute": "cafe\u0301"}"#, registry: registry)
        XCTAssertEqual(decomposed, error(#"The command cafe\u0301 has not been found"#, "CommandNotFound"))
    }

    // MARK: R6

    func testR6CompatPolicyOnCommands() async {
        let strict = QMPDispatchPolicy(compat: QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true))
        let deprecated = await respond(#"{"execute": "old", "id": 1}"#, policy: strict)
        XCTAssertEqual(deprecated, error("Deprecated command old disabled by policy", "CommandNotFound", id: "1"))
        let unstable = await respond(#"{"execute": "x-new"}"#, policy: strict)
        XCTAssertEqual(unstable, error("Unstable command x-new disabled by policy", "CommandNotFound"))
        let accepted = await respond(#"{"execute": "old"}"#)
        XCTAssertEqual(accepted, #"{"return": {}}"#)
        let onlyDeprecated = QMPDispatchPolicy(compat: QAPICompatPolicy(rejectDeprecatedInput: true))
        let unstableAccepted = await respond(#"{"execute": "x-new"}"#, policy: onlyDeprecated)
        XCTAssertEqual(unstableAccepted, #"{"return": {}}"#)
    }

    func testR6Disabled() async {
        var registry = Self.registry
        registry.disable("query-status")
        let plain = await respond(#"{"execute": "query-status", "id": 2}"#, registry: registry)
        XCTAssertEqual(plain, error("Command query-status has been disabled", "CommandNotFound", id: "2"))
        registry.disable("query-status", reason: "not today")
        let reason = await respond(#"{"execute": "query-status"}"#, registry: registry)
        XCTAssertEqual(reason, error("Command query-status has been disabled: not today", "CommandNotFound"))
        registry.enable("query-status")
        let enabled = await respond(#"{"execute": "query-status"}"#, registry: registry)
        XCTAssertEqual(enabled, #"{"return": {"status": "running", "running": true}}"#)
    }

    func testR6PolicyComesBeforeDisabled() async {
        var registry = Self.registry
        registry.disable("old")
        let strict = QMPDispatchPolicy(compat: QAPICompatPolicy(rejectDeprecatedInput: true))
        let result = await respond(#"{"execute": "old"}"#, policy: strict, registry: registry)
        XCTAssertEqual(result, error("Deprecated command old disabled by policy", "CommandNotFound"))
    }

    // MARK: R7, O4, O5

    func testR7OOBRefusedBeforeArguments() async {
        let result = await respond(#"{"exec-oob": "lookup", "arguments": {"bad": 1}, "id": 4}"#)
        XCTAssertEqual(result, error("The command lookup does not support OOB", id: "4"))
    }

    func testR7DisabledComesBeforeOOBRefusal() async {
        var registry = Self.registry
        registry.disable("lookup")
        let result = await respond(#"{"exec-oob": "lookup"}"#, registry: registry)
        XCTAssertEqual(result, error("Command lookup has been disabled", "CommandNotFound"))
    }

    func testO4UnknownOOBCommand() async {
        let result = await respond(#"{"exec-oob": "nope"}"#)
        XCTAssertEqual(result, error("The command nope has not been found", "CommandNotFound"))
    }

    func testO5OOBWithAndWithoutID() async {
        let withID = await respond(#"{"exec-oob": "yank", "id": "y", "arguments": {"a": 1}}"#)
        XCTAssertEqual(withID, #"{"return": {"a": 1}, "id": "y"}"#)
        let withoutID = await respond(#"{"exec-oob": "yank"}"#)
        XCTAssertEqual(withoutID, #"{"return": {}}"#)
    }

    func testAllowOOBCommandRunsInBandToo() async {
        let result = await respond(#"{"execute": "yank", "arguments": {"b": 2}}"#)
        XCTAssertEqual(result, #"{"return": {"b": 2}}"#)
    }

    func testOutOfBandDispatchIsSynchronous() {
        let policy = QMPDispatchPolicy()
        let run = { (text: String, oob: Bool) -> String? in
            guard let message = value(text) else { return nil }
            let response = Self.registry.dispatchOutOfBand(message, oobEnabled: oob, policy: policy)
            return response.map { JSONWriter(memberOrder: .qdict).string($0.json) }
        }
        XCTAssertEqual(run(#"{"exec-oob": "yank", "id": 1}"#, true), #"{"return": {}, "id": 1}"#)
        XCTAssertEqual(
            run(#"{"exec-oob": "yank", "id": 1}"#, false), error("QMP input member 'exec-oob' is unexpected", id: "1"))
        XCTAssertEqual(run(#"{"exec-oob": "lookup"}"#, true), error("The command lookup does not support OOB"))
        XCTAssertEqual(run(#"{"exec-oob": 1}"#, true), error("QMP input member 'exec-oob' must be a string"))
    }

    // MARK: R8

    func testR8Preconfig() async {
        let preconfig = QMPDispatchPolicy(machineReady: false)
        let refused = await respond(#"{"execute": "query-status", "id": 5}"#, policy: preconfig)
        XCTAssertEqual(
            refused,
            error("The command 'query-status' is permitted only after machine initialization has completed", id: "5"))
        let allowed = await respond(#"{"execute": "qmp_capabilities"}"#, policy: preconfig)
        XCTAssertEqual(allowed, #"{"return": {}}"#)
    }

    func testR8OOBRefusalComesFirst() async {
        let result = await respond(#"{"exec-oob": "query-status"}"#, policy: QMPDispatchPolicy(machineReady: false))
        XCTAssertEqual(result, error("The command query-status does not support OOB"))
    }

    // MARK: R9, R12

    func testR9MissingArgumentsAreAnEmptyObject() async {
        let result = await respond(#"{"execute": "query-status", "id": 1}"#)
        XCTAssertEqual(result, #"{"return": {"status": "running", "running": true}, "id": 1}"#)
    }

    func testR9CommandWithoutDataRejectsAnyKey() async {
        let result = await respond(#"{"execute": "query-status", "arguments": {"x": 1}}"#)
        XCTAssertEqual(result, error("Parameter 'x' is unexpected"))
    }

    func testR12ArgumentErrors() async {
        let missing = await respond(#"{"execute": "lookup", "id": [1]}"#)
        XCTAssertEqual(missing, error("Parameter 'path' is missing", id: "[1]"))
        let type = await respond(#"{"execute": "lookup", "arguments": {"path": 1}}"#)
        XCTAssertEqual(type, error("Invalid parameter type for 'path', expected: string"))
    }

    func testR12CompatPolicyReachesTheArguments() async {
        let strict = QMPDispatchPolicy(compat: QAPICompatPolicy(rejectDeprecatedInput: true))
        let result = await respond(#"{"execute": "retire", "arguments": {"old": "x"}}"#, policy: strict)
        XCTAssertEqual(result, error("Deprecated parameter old disabled by policy"))
    }

    func testR12HandlerErrorKeepsItsClass() async {
        let result = await respond(#"{"execute": "lookup", "arguments": {"path": "/missing"}, "id": 9}"#)
        XCTAssertEqual(result, error("Device '/missing' not found", "DeviceNotFound", id: "9"))
    }

    // MARK: R10, R11

    func testR10SuccessWithValue() async {
        let result = await respond(#"{"execute": "lookup", "arguments": {"path": "/tmp/s"}, "id": "x"}"#)
        XCTAssertEqual(result, #"{"return": "/tmp/s", "id": "x"}"#)
    }

    func testR10NoSuccessResponse() async {
        let success = await respond(#"{"execute": "guest-sync", "id": 1}"#)
        XCTAssertEqual(success, "none")
        let failure = await respond(#"{"execute": "guest-sync", "arguments": {"fail": true}, "id": 1}"#)
        XCTAssertEqual(failure, error("sync failed", id: "1"))
        let unknownArgs = await respond(#"{"execute": "guest-sync", "arguments": 1}"#)
        XCTAssertEqual(unknownArgs, error("QMP input member 'arguments' must be an object"))
    }

    func testR11ResponseWireFormWithoutID() {
        let response = QMPResponse(id: nil, result: .failure(.generic("x")))
        XCTAssertEqual(JSONWriter().string(response.json), #"{"error": {"class": "GenericError", "desc": "x"}}"#)
        let success = QMPResponse(id: .null, result: .success([]))
        XCTAssertEqual(JSONWriter().string(success.json), #"{"return": [], "id": null}"#)
    }

    func testRequestLevelDispatch() async {
        let request = QMPRequest(id: 3, command: "lookup", arguments: ["path": "/p"])
        let response = await Self.registry.dispatch(request, policy: QMPDispatchPolicy())
        XCTAssertEqual(response, QMPResponse(id: 3, result: .success("/p")))
    }
}
