import QAPIRuntime
import XCTest

/// Spec R1–R4, N7 and O2: the shape checks of a request.
final class QMPRequestTests: XCTestCase {
    /// Parses `text` as a request; renders a rejection as its wire form.
    private func parse(
        _ text: String, oob: Bool = false, file: StaticString = #filePath, line: UInt = #line
    )
        -> Result<QMPRequest, QMPRequest.Rejection>?
    {
        guard let message = value(text, file: file, line: line) else { return nil }
        do {
            return .success(try QMPRequest(message, oobEnabled: oob))
        } catch {
            return .failure(error)
        }
    }

    /// The compact QEMU-ordered response to a rejected `text`.
    private func rejection(
        _ text: String, oob: Bool = false, file: StaticString = #filePath, line: UInt = #line
    )
        -> String?
    {
        switch parse(text, oob: oob, file: file, line: line) {
        case .failure(let rejection)?:
            return JSONWriter(memberOrder: .qdict).string(rejection.response.json)
        case .success(let request)?:
            XCTFail("accepted: \(request)", file: file, line: line)
            return nil
        case nil:
            return nil
        }
    }

    private func error(_ desc: String, id: String? = nil) -> String {
        let body = #""error": {"class": "GenericError", "desc": "\#(desc)"}"#
        return id.map { #"{"id": \#($0), \#(body)}"# } ?? "{\(body)}"
    }

    // MARK: R1

    func testR1NotAnObjectHasNoID() {
        for text in [#"[{"id": 1}]"#, "3", #""execute""#, "null", "true"] {
            XCTAssertEqual(rejection(text), error("QMP input must be a JSON object"), text)
        }
    }

    // MARK: R2

    func testR2AnyIDIsEchoed() {
        XCTAssertEqual(
            rejection(#"{"id": {"a": [1, 'x']}}"#), error("QMP input lacks member 'execute'", id: #"{"a": [1, "x"]}"#))
        XCTAssertEqual(rejection(#"{"id": null}"#), error("QMP input lacks member 'execute'", id: "null"))
        XCTAssertEqual(rejection(#"{"id": 1.5e3, "x": 1}"#), error("QMP input member 'x' is unexpected", id: "1500"))
    }

    func testR2IDIsKeptOnSuccess() throws {
        let request = try parse(#"{"execute": "stop", "id": "a"}"#)?.get()
        XCTAssertEqual(request, QMPRequest(id: "a", command: "stop"))
        let withoutID = try parse(#"{"execute": "stop"}"#)?.get()
        XCTAssertEqual(withoutID?.id, nil)
    }

    // MARK: R3

    func testR3CommandMustBeAString() {
        XCTAssertEqual(
            rejection(#"{"execute": 1, "id": 2}"#), error("QMP input member 'execute' must be a string", id: "2"))
        XCTAssertEqual(
            rejection(#"{"exec-oob": null}"#, oob: true), error("QMP input member 'exec-oob' must be a string"))
    }

    func testR3ArgumentsMustBeAnObject() {
        for arguments in ["null", "[]", "5", #""x""#] {
            XCTAssertEqual(
                rejection(#"{"execute": "stop", "arguments": \#(arguments)}"#),
                error("QMP input member 'arguments' must be an object"), arguments)
        }
    }

    func testR3UnexpectedMembers() {
        XCTAssertEqual(
            rejection(#"{"execute": "stop", "control": {"run-oob": true}}"#),
            error("QMP input member 'control' is unexpected"))
        XCTAssertEqual(
            rejection(#"{"execute": "stop", "\u0000": 1}"#), error(#"QMP input member '\u0000' is unexpected"#))
    }

    func testR3ClashIsAlwaysReportedOnExecute() {
        for text in [#"{"execute": "a", "exec-oob": "b"}"#, #"{"exec-oob": "b", "execute": "a"}"#] {
            XCTAssertEqual(
                rejection(text, oob: true), error("QMP input member 'execute' clashes with 'exec-oob'"), text)
        }
    }

    func testR3MembersAreCheckedInBucketOrderNotInputOrder() {
        // execute(299) comes before arguments(447), control(263) before execute.
        XCTAssertEqual(
            rejection(#"{"id":15,"arguments":5,"execute":3}"#),
            error("QMP input member 'execute' must be a string", id: "15"))
        XCTAssertEqual(rejection(#"{"execute": 3, "control": 1}"#), error("QMP input member 'control' is unexpected"))
        XCTAssertEqual(rejection(#"{"arguments": 5, "control": 1}"#), error("QMP input member 'control' is unexpected"))
    }

    func testR3WithinABucketTheLaterMemberIsCheckedFirst() {
        // "xl" shares bucket 299 with execute, "c" bucket 447 with arguments.
        XCTAssertEqual(rejection(#"{"execute": 3, "xl": 1}"#), error("QMP input member 'xl' is unexpected"))
        XCTAssertEqual(rejection(#"{"xl": 1, "execute": 3}"#), error("QMP input member 'execute' must be a string"))
        XCTAssertEqual(
            rejection(#"{"arguments": 5, "c": 1, "execute": "x"}"#), error("QMP input member 'c' is unexpected"))
        XCTAssertEqual(
            rejection(#"{"c": 1, "arguments": 5, "execute": "x"}"#),
            error("QMP input member 'arguments' must be an object"))
    }

    // MARK: R4

    func testR4NoCommandMember() {
        XCTAssertEqual(rejection("{}"), error("QMP input lacks member 'execute'"))
        XCTAssertEqual(rejection(#"{"id": 7}"#), error("QMP input lacks member 'execute'", id: "7"))
        XCTAssertEqual(rejection(#"{"id": 7, "arguments": {}}"#), error("QMP input lacks member 'execute'", id: "7"))
    }

    // MARK: N7, O2

    func testN7ExecOOBWithoutOOBIsUnexpected() {
        XCTAssertEqual(
            rejection(#"{"exec-oob": "yank", "id": 3}"#), error("QMP input member 'exec-oob' is unexpected", id: "3"))
        XCTAssertEqual(rejection(#"{"exec-oob": 5}"#), error("QMP input member 'exec-oob' is unexpected"))
        XCTAssertEqual(
            rejection(#"{"execute": "a", "exec-oob": "b"}"#), error("QMP input member 'exec-oob' is unexpected"))
    }

    func testO2ExecOOBRequest() throws {
        let request = try parse(#"{"exec-oob": "yank", "arguments": {"instances": []}}"#, oob: true)?.get()
        XCTAssertEqual(request, QMPRequest(command: "yank", isOOB: true, arguments: ["instances": []]))
        let inBand = try parse(#"{"execute": "yank"}"#, oob: true)?.get()
        XCTAssertEqual(inBand?.isOOB, false)
    }

    func testO2Classification() {
        XCTAssertTrue(QMPRequest.isOutOfBand(["exec-oob": "x"]))
        XCTAssertTrue(QMPRequest.isOutOfBand(["exec-oob": 5, "id": 1]))
        XCTAssertFalse(QMPRequest.isOutOfBand(["exec-oob": "x", "execute": "y"]))
        XCTAssertFalse(QMPRequest.isOutOfBand(["execute": "y"]))
        XCTAssertFalse(QMPRequest.isOutOfBand(["exec-oob"]))
    }

    // MARK: R9

    func testR9MissingArgumentsAreEmpty() throws {
        let request = try parse(#"{"execute": "cont"}"#)?.get()
        XCTAssertEqual(request?.arguments, [:])
        let given = try parse(#"{"execute": "cont", "arguments": {"a": 1}}"#)?.get()
        XCTAssertEqual(given?.arguments, ["a": 1])
    }
}
