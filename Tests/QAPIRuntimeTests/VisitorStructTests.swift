import QAPIRuntime
import XCTest

/// Spec A1, A2, A3, A7, A10, A11, A12 on structs and nested members.
final class VisitorStructTests: XCTestCase {
    func testA1MembersAreCheckedBeforeUnexpectedKeys() {
        XCTAssertEqual(decodingError(ChardevAddArguments.self, #"{"extra": 1}"#), "Parameter 'id' is missing")
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "x", "extra": 1}"#), "Parameter 'backend' is missing")
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"extra": 1, "id": "x", "backend": {"type": "null"}}"#),
            "Parameter 'extra' is unexpected")
    }

    func testA1FirstFailingMemberInSchemaOrderWins() {
        XCTAssertEqual(
            decodingError(Widget.self, #"{"count": "x", "id": 5}"#),
            "Invalid parameter type for 'id', expected: string")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"label": 1, "count": "x", "id": "i"}"#),
            "Invalid parameter type for 'count', expected: integer")
    }

    func testA1NestedStructErrorsComeBeforeLaterMembersOfTheParent() {
        XCTAssertEqual(
            decodingError(
                SocketOptions.self, #"{"server": 1, "addr": {"type": "unix", "data": {"path": "p", "x": 1}}}"#),
            "Parameter 'addr.data.x' is unexpected")
    }

    func testA2MissingMembersAtEveryDepth() {
        let cases: [(String, String)] = [
            (#"{"backend": {"type": "null"}}"#, "id"),
            (#"{"id": "c"}"#, "backend"),
            (#"{"id": "c", "backend": {}}"#, "backend.type"),
            (#"{"id": "c", "backend": {"type": "socket"}}"#, "backend.data"),
            (#"{"id": "c", "backend": {"type": "socket", "data": {}}}"#, "backend.data.addr"),
            (
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {}}}}}"#,
                "backend.data.addr.data.path"
            ),
            (#"{"id": "c", "backend": {"type": "file", "data": {"append": true}}}"#, "backend.data.out"),
        ]
        for (json, path) in cases {
            XCTAssertEqual(decodingError(ChardevAddArguments.self, json), "Parameter '\(path)' is missing", json)
        }
    }

    func testA3WrongTypeNamesTheExpectedKind() {
        let cases: [(String, String)] = [
            (#"{"id": 1, "backend": {"type": "null"}}"#, "'id', expected: string"),
            (#"{"id": "c", "backend": []}"#, "'backend', expected: object"),
            (#"{"id": "c", "backend": null}"#, "'backend', expected: object"),
            (#"{"id": "c", "backend": {"type": "socket", "data": "x"}}"#, "'backend.data', expected: object"),
            (
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": true}}}}}"#,
                "'backend.data.addr.data.path', expected: string"
            ),
            (
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "inet", "data": {"host": "h", "port": 22}}}}}"#,
                "'backend.data.addr.data.port', expected: string"
            ),
            (
                #"{"id": "c", "backend": {"type": "file", "data": {"out": "o", "append": "yes"}}}"#,
                "'backend.data.append', expected: boolean"
            ),
        ]
        for (json, tail) in cases {
            XCTAssertEqual(decodingError(ChardevAddArguments.self, json), "Invalid parameter type for \(tail)", json)
        }
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "tags": "a"}"#),
            "Invalid parameter type for 'tags', expected: array")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "tags": {}}"#),
            "Invalid parameter type for 'tags', expected: array")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "nothing": 0}"#),
            "Invalid parameter type for 'nothing', expected: null")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "nothing": {}}"#),
            "Invalid parameter type for 'nothing', expected: null")
    }

    func testA3RootThatIsNotAnObject() {
        XCTAssertEqual(decodingError(NoArgs.self, "[]"), "Invalid parameter type for '<anonymous>', expected: object")
        XCTAssertEqual(decodingError(Int64.self, "true"), "Invalid parameter type for '<anonymous>', expected: integer")
    }

    func testA7UnexpectedKeysAtEveryLevel() {
        let cases: [(String, String)] = [
            (#"{"id": "c", "backend": {"type": "null", "extra": 1}}"#, "backend.extra"),
            (#"{"id": "c", "backend": {"type": "file", "data": {"out": "o", "foo": 1}}}"#, "backend.data.foo"),
            (#"{"id": "c", "backend": {"type": "file", "data": {"out": "o"}, "path": "/p"}}"#, "backend.path"),
            (
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "p"}, "x": null}}}}"#,
                "backend.data.addr.x"
            ),
            (#"{"id": "c", "backend": {"type": "null"}, "": 0}"#, ""),
        ]
        for (json, path) in cases {
            XCTAssertEqual(decodingError(ChardevAddArguments.self, json), "Parameter '\(path)' is unexpected", json)
        }
    }

    func testA7KeysAreComparedByteForByte() {
        // "e" + combining acute is canonically equivalent to "é" in Swift, not in QEMU.
        XCTAssertEqual(
            decodingError(UnixAddress.self, "{\"path\": \"p\", \"p\u{E9}\": 1, \"pe\u{301}\": 2}"),
            "Parameter 'p\u{E9}' is unexpected")
        XCTAssertEqual(decodingError(UnixAddress.self, "{\"pa\u{301}th\": \"p\"}"), "Parameter 'path' is missing")
    }

    func testA7BranchMembersAreNotUnexpectedButOtherBranchesAre() {
        XCTAssertEqual(
            decodingError(Tagged.self, #"{"name": "n", "kind": "inet", "path": "/p"}"#),
            "Parameter 'path' is unexpected")
        XCTAssertNoThrow(try decode(Tagged.self, #"{"path": "/p", "kind": "unix", "name": "n"}"#))
    }

    func testA7ObjectsLargerThanTheInlineBitSet() throws {
        var members = [#""id": "w""#, #""count": 1"#]
        members += (0..<100).map { #""k\#($0)": 0"# }
        XCTAssertEqual(
            decodingError(Widget.self, "{" + members.joined(separator: ", ") + "}"),
            "Parameter 'k0' is unexpected")
        var object = JSONObject()
        for index in 0..<130 { object["k\(index)"] = 0 }
        object["id"] = "w"
        object["count"] = 3
        XCTAssertThrowsError(try QAPIDecoder.decode(Widget.self, from: .object(object))) { error in
            XCTAssertEqual((error as? QMPError)?.desc, "Parameter 'k0' is unexpected")
        }
        object = JSONObject((0..<130).map { ("p\($0)", JSONValue.int(0)) })
        object["path"] = "/p"
        var decoder = QAPIObjectDecoder(object)
        for index in 0..<130 { let _: Int64 = try decoder.required("p\(index)") }
        XCTAssertEqual(try UnixAddress(qapiMembers: &decoder).path, "/p")
    }

    func testA10NullIsNotAbsent() {
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "label": null}"#),
            "Invalid parameter type for 'label', expected: string")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "tags": null}"#),
            "Invalid parameter type for 'tags', expected: array")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "color": null}"#),
            "Invalid parameter type for 'color', expected: string")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": null}"#),
            "Invalid parameter type for 'count', expected: integer")
        XCTAssertEqual(
            decodingError(Ints.self, #"{"num": null}"#), "Invalid parameter type for 'num', expected: number")
        XCTAssertEqual(
            decodingError(Ints.self, #"{"flag": null}"#), "Invalid parameter type for 'flag', expected: boolean")
        XCTAssertEqual(decodingError(Ints.self, #"{"u64": null}"#), "Parameter 'u64' expects uint64")
    }

    func testA10NullIsAcceptedByTypesThatAdmitIt() throws {
        let widget = try decode(Widget.self, #"{"id": "w", "count": 1, "extra": null, "nothing": null}"#)
        XCTAssertEqual(widget.extra, .null)
        XCTAssertEqual(widget.nothing, QAPINull())
        XCTAssertNil(widget.label)
        XCTAssertNil(try decode(Widget.self, #"{"id": "w", "count": 1}"#).extra)
    }

    func testA11CommandWithoutArgumentsRejectsEveryKey() throws {
        XCTAssertNoThrow(try decode(NoArgs.self, "{}"))
        XCTAssertEqual(decodingError(NoArgs.self, #"{"x": 1}"#), "Parameter 'x' is unexpected")
        XCTAssertEqual(decodingError(NoArgs.self, #"{"id": null}"#), "Parameter 'id' is unexpected")
    }

    func testA12DeprecatedAndUnstableMembersUnderPolicy() throws {
        let reject = QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true)
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "legacy": 5}"#, policy: reject),
            "Deprecated parameter legacy disabled by policy")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "trial": "t"}"#, policy: reject),
            "Unstable parameter trial disabled by policy")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "legacy": "x"}"#, policy: reject),
            "Deprecated parameter legacy disabled by policy")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "legacy": "x"}"#),
            "Invalid parameter type for 'legacy', expected: integer")
        XCTAssertEqual(try decode(Widget.self, #"{"id": "w", "count": 1, "legacy": 5, "trial": "t"}"#).legacy, 5)
        XCTAssertNil(try decode(Widget.self, #"{"id": "w", "count": 1}"#, policy: reject).legacy)
        let deprecatedOnly = QAPICompatPolicy(rejectDeprecatedInput: true)
        XCTAssertEqual(
            try decode(Widget.self, #"{"id": "w", "count": 1, "trial": "t"}"#, policy: deprecatedOnly).trial, "t")
    }

    func testA12PolicyOnARequiredMemberComesBeforeItsPresence() {
        let reject = QAPICompatPolicy(rejectDeprecatedInput: true)
        XCTAssertEqual(decodingError(Retired.self, "{}", policy: reject), "Deprecated parameter old disabled by policy")
        XCTAssertEqual(decodingError(Retired.self, "{}"), "Parameter 'old' is missing")
    }

    func testA12PolicyReachesNestedMembersAndListElements() {
        let reject = QAPICompatPolicy(rejectDeprecatedInput: true)
        XCTAssertEqual(
            decodingError(
                Rack.self, #"{"widgets": [{"id": "a", "count": 1}, {"id": "b", "count": 2, "legacy": 1}]}"#,
                policy: reject),
            "Deprecated parameter legacy disabled by policy")
    }
}
