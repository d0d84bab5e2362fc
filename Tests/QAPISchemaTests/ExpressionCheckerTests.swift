import XCTest

@testable import QAPISchema

/// The expression checks on hand-built expressions: each test states an
/// expression and the exact diagnostic QEMU prints for it (or that it
/// passes and how it is desugared).
final class ExpressionCheckerTests: XCTestCase {
    // MARK: Building expressions

    private func str(_ text: String) -> SchemaValue { .string(text) }

    private func list(_ items: SchemaValue...) -> SchemaValue { .list(items) }

    private func obj(_ members: KeyValuePairs<String, SchemaValue>) -> SchemaValue {
        .object(SchemaObject(members.map { ($0.key, $0.value) }))
    }

    /// A fresh info at line 2 of `test.json` with its own pragma settings.
    private func makeInfo(configure: (QAPIPragma) -> Void = { _ in }) -> QAPISourceInfo {
        let info = QAPISourceInfo(fileName: "test.json", parent: nil).nextLine()
        configure(info.pragma)
        return info
    }

    private func expression(
        _ members: KeyValuePairs<String, SchemaValue>, info: QAPISourceInfo? = nil, doc: QAPIDoc? = nil
    ) -> QAPIExpression {
        QAPIExpression(
            members: SchemaObject(members.map { ($0.key, $0.value) }), info: info ?? makeInfo(), doc: doc)
    }

    /// Asserts that checking fails with QEMU's rendering `expected`.
    private func assertError(
        _ expressions: [QAPIExpression], _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            _ = try QAPIExpressionChecker.check(expressions)
            XCTFail("expected error: \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.qemuDescription, expected, file: file, line: line)
        }
    }

    private func assertError(
        _ members: KeyValuePairs<String, SchemaValue>, _ expected: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        assertError([expression(members)], expected, file: file, line: line)
    }

    /// The expected text for an error inside definition `meta` `name`.
    private func inside(_ meta: String, _ name: String, _ message: String) -> String {
        "test.json: In \(meta) '\(name)':\ntest.json:2: \(message)"
    }

    // MARK: Meta-type and names

    func testMetaTypeMustBeExactlyOne() {
        let message =
            "test.json:2: expression must have exactly one key"
            + " 'enum', 'struct', 'union', 'alternate', 'command', 'event'"
        assertError(["data": obj([:])], message)
        assertError(["struct": str("Foo"), "command": str("foo")], message)
    }

    func testIncludeMarkersAreSkipped() throws {
        let marker = expression(["include": str("sub/other.json")])
        let result = try QAPIExpressionChecker.check([marker])
        XCTAssertEqual(result.map(\.members), [marker.members])
    }

    func testNameMustBeAString() {
        assertError(["struct": list(str("Foo")), "data": obj([:])], "test.json:2: 'struct' requires a string name")
    }

    func testDefinitionNames() {
        assertError(
            ["struct": str("*oops"), "data": obj([:])], inside("struct", "*oops", "struct has an invalid name"))
        assertError(
            ["struct": str("not-a-camel"), "data": obj([:])],
            inside("struct", "not-a-camel", "name of struct must use CamelCase"))
        assertError(
            ["struct": str("FooList"), "data": obj([:])],
            inside("struct", "FooList", "struct name should not end in 'List'"))
        assertError(
            ["event": str("EVENT_a")], inside("event", "EVENT_a", "name of event must not use lowercase or '-'"))
        assertError(["command": str("q-unix")], inside("command", "q-unix", "command has an invalid name"))
        assertError(
            ["command": str("do_it")], inside("command", "do_it", "name of command must not use uppercase or '_'"))
        assertError(
            ["enum": str("__org.qemu_x-Fooish"), "data": list(str("a b"))],
            inside("enum", "__org.qemu_x-Fooish", "'data' member 'a b' has an invalid name"))
    }

    func testNamePrefixesAndExceptions() throws {
        let info = makeInfo { $0.commandNameExceptions = ["do_it"] }
        let accepted = [
            expression(["command": str("do_it")], info: info),
            expression(["command": str("x-1abc")]),
            expression(["event": str("x-FOO")]),
            expression(["event": str("__com.example_X-BAR")]),
            expression(["struct": str("__com.example_Thing"), "data": obj([:])]),
        ]
        XCTAssertEqual(try QAPIExpressionChecker.check(accepted).count, accepted.count)
    }

    func testNameGrammarMatchesPythonsRegularExpression() {
        XCTAssertEqual(QAPINameGrammar.stem(of: "Foo\n"), "Foo")
        XCTAssertNil(QAPINameGrammar.stem(of: "Foo\n\n"))
        XCTAssertEqual(QAPINameGrammar.stem(of: "x-1abc"), "x-1abc")
        XCTAssertEqual(QAPINameGrammar.stem(of: "X-FOO"), "FOO")
        XCTAssertEqual(QAPINameGrammar.stem(of: "\u{212A}elvin"), "\u{212A}elvin")
        XCTAssertEqual(QAPINameGrammar.stem(of: "__a_b_c"), "b_c")
        XCTAssertEqual(QAPINameGrammar.stem(of: "__A.B_x-y"), "y")
        XCTAssertNil(QAPINameGrammar.stem(of: "__x"))
        XCTAssertNil(QAPINameGrammar.stem(of: "_x"))
        XCTAssertNil(QAPINameGrammar.stem(of: ""))
    }

    func testNameGrammarOnSlicesAndNonASCIINames() {
        XCTAssertEqual(QAPINameGrammar.stem(of: "**__a_b".dropFirst(2)), "b")
        XCTAssertEqual(QAPINameGrammar.stem(of: "**x-y\n".dropFirst(2)), "y")
        XCTAssertEqual(QAPINameGrammar.stem(of: "__\u{131}.b_x-\u{17F}o"), "\u{17F}o")
        XCTAssertNil(QAPINameGrammar.stem(of: "x-\u{E9}"))
        XCTAssertNil(QAPINameGrammar.stem(of: "\u{E9}\n"))
    }

    /// The rules look at UTF-8 bytes; non-ASCII names must fare as in Python.
    func testNonASCIINames() throws {
        // c_name() turns the dotless i into '_': the name is in the reserved q_ space.
        assertError(["command": str("q\u{131}x")], inside("command", "q\u{131}x", "command has an invalid name"))
        assertError(
            ["struct": str("Foo"), "data": obj(["has\u{131}x": str("int")])],
            inside("struct", "Foo", "'data' member 'has\u{131}x' uses reserved name"))
        assertError(
            ["struct": str("\u{212A}elvin"), "data": obj([:])],
            inside("struct", "\u{212A}elvin", "name of struct must use CamelCase"))
        assertError(
            ["enum": str("Foo"), "data": list(str("\u{E9}t\u{E9}"))],
            inside("enum", "Foo", "'data' member '\u{E9}t\u{E9}' has an invalid name"))
        let accepted = [
            expression(["event": str("\u{212A}VM")]),
            expression(["command": str("qa\u{131}")]),
            expression(["struct": str("Foo"), "data": obj(["*\u{131}u": str("int"), "hasx": str("int")])]),
        ]
        XCTAssertEqual(try QAPIExpressionChecker.check(accepted).count, accepted.count)
    }

    func testCheckRecordsTheDefinition() throws {
        let info = makeInfo()
        _ = try QAPIExpressionChecker.check([expression(["event": str("SHUTDOWN")], info: info)])
        XCTAssertEqual(info.definitionMeta, "event")
        XCTAssertEqual(info.definitionName, "SHUTDOWN")
    }

    // MARK: Keys and flags

    func testKeys() {
        assertError(
            ["struct": str("Bar"), "data": obj([:]), "phony": str("x"), "bogus": str("y")],
            inside("struct", "Bar", "struct has unknown keys 'bogus', 'phony'")
                + "\nValid keys are 'base', 'data', 'features', 'if', 'struct'.")
        assertError(["enum": str("MyEnum")], inside("enum", "MyEnum", "enum misses key 'data'"))
        assertError(
            ["union": str("Uni"), "data": obj([:])],
            inside("union", "Uni", "union misses keys 'base', 'discriminator'"))
        assertError(
            ["alternate": str("Alt"), "base": str("B"), "data": obj(["a": str("int")])],
            inside("alternate", "Alt", "alternate has unknown key 'base'")
                + "\nValid keys are 'alternate', 'data', 'features', 'if'.")
    }

    func testFlags() {
        assertError(
            ["command": str("foo"), "gen": .bool(true)], inside("command", "foo", "flag 'gen' may only use false value")
        )
        assertError(
            ["command": str("foo"), "data": str("Args"), "boxed": .bool(false)],
            inside("command", "foo", "flag 'boxed' may only use true value"))
        assertError(
            ["command": str("foo"), "allow-preconfig": str("yes")],
            inside("command", "foo", "flag 'allow-preconfig' may only use true value"))
        assertError(
            ["command": str("foo"), "allow-oob": .bool(true), "coroutine": .bool(true)],
            inside("command", "foo", "flags 'allow-oob' and 'coroutine' are incompatible"))
    }

    // MARK: Conditions

    func testConditions() {
        func check(_ condition: SchemaValue, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
            assertError(
                ["struct": str("Stru"), "data": obj([:]), "if": condition], inside("struct", "Stru", message),
                file: file, line: line)
        }
        check(str(""), "'if' condition '' of struct is not a valid identifier")
        check(str("defined(X)"), "'if' condition 'defined(X)' of struct is not a valid identifier")
        check(list(str("A")), "'if' condition of struct must be a string or an object")
        check(obj([:]), "'if' condition of struct has conflicting keys")
        check(obj(["not": str("A"), "all": list(str("B"))]), "'if' condition of struct has conflicting keys")
        check(
            obj(["nand": str("A")]),
            "'if' condition of struct has unknown key 'nand'\nValid keys are 'all', 'any', 'not'.")
        check(obj(["all": str("A")]), "'all' condition of struct must be an array")
        check(obj(["any": list()]), "'if' condition [] of struct is useless")
        check(
            obj(["any": list(str("A"), obj(["not": str("lower")]))]),
            "'if' condition 'lower' of struct is not a valid identifier")
    }

    func testMemberConditionNamesTheMember() {
        assertError(
            ["struct": str("Stru"), "data": obj(["member": obj(["type": str("str"), "if": .bool(true)])])],
            inside("struct", "Stru", "'if' condition of 'data' member 'member' must be a string or an object"))
    }

    // MARK: Features

    func testFeatures() {
        func check(_ features: SchemaValue, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
            assertError(
                ["struct": str("Stru"), "data": obj([:]), "features": features], inside("struct", "Stru", message),
                file: file, line: line)
        }
        check(str("deprecated"), "'features' must be an array")
        check(list(list(str("f"))), "'features' member requires a string name")
        check(
            list(obj(["name": str("f"), "colour": str("red")])),
            "'features' member has unknown key 'colour'\nValid keys are 'if', 'name'.")
        check(list(obj(["if": str("A")])), "'features' member misses key 'name'")
        check(list(str("no way")), "'features' member 'no way' has an invalid name")
        check(list(str("Upper")), "name of 'features' member 'Upper' must not use uppercase or '_'")
        check(
            list(obj(["name": str("f"), "if": str("a")])),
            "'if' condition 'a' of 'features' member 'f' is not a valid identifier")
    }

    // MARK: Enums

    func testEnums() {
        assertError(["enum": str("Enu"), "data": obj([:])], inside("enum", "Enu", "'data' must be an array"))
        assertError(
            ["enum": str("Enu"), "data": list(), "prefix": .bool(true)],
            inside("enum", "Enu", "'prefix' must be a string"))
        assertError(
            ["enum": str("Enu"), "data": list(list())], inside("enum", "Enu", "'data' member requires a string name"))
        assertError(
            ["enum": str("Enu"), "data": list(obj(["name": str("a"), "value": str("1")]))],
            inside("enum", "Enu", "'data' member has unknown key 'value'\nValid keys are 'features', 'if', 'name'."))
        assertError(
            ["enum": str("Enu"), "data": list(str("Value"))],
            inside("enum", "Enu", "name of 'data' member 'Value' must not use uppercase or '_'"))
        assertError(
            ["enum": str("Enu"), "data": list(str("q-Unix"))],
            inside("enum", "Enu", "'data' member 'q-Unix' has an invalid name"))
    }

    func testEnumValuesMayStartWithADigitAndUseExceptions() throws {
        let info = makeInfo { $0.memberNameExceptions = ["Enu"] }
        let result = try QAPIExpressionChecker.check([
            expression(["enum": str("Enu"), "data": list(str("1st"), str("Upper_case"))], info: info)
        ])
        XCTAssertEqual(
            result[0]["data"], list(obj(["name": str("1st")]), obj(["name": str("Upper_case")])))
    }

    // MARK: Structs and members

    func testStructs() {
        assertError(
            ["struct": str("Foo"), "data": str("Bar")],
            inside("struct", "Foo", "'data' should be an object or type name"))
        assertError(
            ["struct": str("Foo"), "data": obj(["a": .bool(false)])],
            inside("struct", "Foo", "'data' member 'a' should be a type name or array"))
        assertError(
            ["struct": str("Foo"), "data": obj(["a": list(str("int"), str("str"))])],
            inside("struct", "Foo", "'data' member 'a': array type must contain single type name"))
        assertError(
            ["struct": str("Foo"), "data": obj(["a": obj(["string": str("str")])])],
            inside("struct", "Foo", "'data' member 'a' misses key 'type'"))
        assertError(
            ["struct": str("Foo"), "data": obj([:]), "base": list(str("Base"))],
            inside("struct", "Foo", "'base' should be a type name"))
    }

    func testReservedMemberNames() {
        assertError(
            ["struct": str("Oops"), "data": obj(["*u": str("int")])],
            inside("struct", "Oops", "'data' member '*u' uses reserved name"))
        assertError(
            ["command": str("oops"), "data": obj(["has-a": str("int")])],
            inside("command", "oops", "'data' member 'has-a' uses reserved name"))
        assertError(
            ["struct": str("Oops"), "data": obj(["_oops": str("int")])],
            inside("struct", "Oops", "'data' member '_oops' has an invalid name"))
        assertError(
            ["struct": str("Oops"), "data": obj(["camelCase": str("int")])],
            inside("struct", "Oops", "name of 'data' member 'camelCase' must not use uppercase or '_'"))
    }

    func testMemberNameExceptionsApplyToTheirType() throws {
        let info = makeInfo { $0.memberNameExceptions = ["Oops"] }
        let result = try QAPIExpressionChecker.check([
            expression(["struct": str("Oops"), "data": obj(["camelCase": str("int")])], info: info)
        ])
        XCTAssertEqual(result.count, 1)
    }

    // MARK: Unions and alternates

    func testUnions() {
        assertError(
            ["union": str("Uni"), "base": str("B"), "discriminator": obj([:]), "data": obj([:])],
            inside("union", "Uni", "'discriminator' requires a string name"))
        assertError(
            ["union": str("Uni"), "base": str("B"), "discriminator": str("kind"), "data": list()],
            inside("union", "Uni", "'data' must be an object"))
        assertError(
            [
                "union": str("Uni"), "base": str("B"), "discriminator": str("kind"),
                "data": obj(["one": list(str("T"))]),
            ],
            inside("union", "Uni", "'data' member 'one' should be a type name"))
        assertError(
            ["union": str("Uni"), "base": list(), "discriminator": str("kind"), "data": obj([:])],
            inside("union", "Uni", "'base' should be an object or type name"))
        assertError(
            [
                "union": str("Uni"), "base": obj(["kind": str("E")]), "discriminator": str("kind"),
                "data": obj(["one": obj(["type": str("T"), "features": list()])]),
            ],
            inside("union", "Uni", "'data' member 'one' has unknown key 'features'\nValid keys are 'if', 'type'."))
    }

    func testAlternates() {
        assertError(
            ["alternate": str("Alt"), "data": obj([:])], inside("alternate", "Alt", "'data' must not be empty"))
        assertError(
            ["alternate": str("Alt"), "data": list(str("rubbish"))],
            inside("alternate", "Alt", "'data' must be an object"))
        assertError(
            ["alternate": str("Alt"), "data": obj(["a_b": str("int")])],
            inside("alternate", "Alt", "name of 'data' member 'a_b' must not use uppercase or '_'"))
        assertError(
            ["alternate": str("Alt"), "data": obj(["a": obj(["type": obj([:])])])],
            inside("alternate", "Alt", "'data' member 'a' should be a type name or array"))
    }

    // MARK: Commands and events

    func testCommandsAndEvents() {
        assertError(
            ["event": str("FOO"), "boxed": .bool(true)], inside("event", "FOO", "'boxed': true requires 'data'"))
        assertError(
            ["command": str("foo"), "boxed": .bool(true), "data": obj(["a": str("int")])],
            inside("command", "foo", "'data' should be a type name"))
        assertError(
            ["command": str("foo"), "data": .bool(true)],
            inside("command", "foo", "'data' should be an object or type name"))
        assertError(
            ["command": str("oops"), "returns": obj(["a": str("str")])],
            inside("command", "oops", "'returns' should be a type name or array"))
        assertError(
            ["command": str("oops"), "returns": list()],
            inside("command", "oops", "'returns': array type must contain single type name"))
        assertError(
            ["event": str("EVENT_A"), "data": obj(["a": obj(["type": obj(["integer": str("int")])])])],
            inside("event", "EVENT_A", "'data' member 'a' should be a type name or array"))
    }

    // MARK: Documentation

    func testDocumentationMustBeForTheDefinition() {
        let info = makeInfo()
        let doc = QAPIDoc(info: QAPISourceInfo(fileName: "test.json", parent: nil), symbol: "food")
        assertError(
            [expression(["command": str("foo")], info: info, doc: doc)],
            inside("command", "foo", "documentation comment is for 'food'"))
    }

    func testDocumentationRequired() {
        let info = makeInfo { $0.docRequired = true }
        assertError(
            [expression(["struct": str("Stru"), "data": obj([:])], info: info)],
            inside("struct", "Stru", "documentation comment required"))
    }

    func testDocumentationIsCheckedBeforeKeys() throws {
        let docInfo = QAPISourceInfo(fileName: "test.json", parent: nil)
        let doc = QAPIDoc(info: docInfo, symbol: "Stru")
        try doc.newTaggedSection(docInfo, kind: .returns)
        assertError(
            [expression(["struct": str("Stru"), "data": obj([:]), "bogus": str("x")], doc: doc)],
            "test.json:1: 'Returns' section is only valid for commands")
    }

    func testNamesAreCheckedBeforeDocumentation() {
        let info = makeInfo { $0.docRequired = true }
        assertError(
            [expression(["struct": str("bad"), "data": obj([:])], info: info)],
            inside("struct", "bad", "name of struct must use CamelCase"))
    }

    // MARK: Desugaring

    func testExpressionsAreDesugared() throws {
        let result = try QAPIExpressionChecker.check([
            expression([
                "struct": str("Stru"),
                "data": obj([
                    "a": str("int"),
                    "*b": obj(["type": list(str("str")), "features": list(str("f"))]),
                ]),
                "features": list(str("deprecated"), obj(["name": str("unstable"), "if": str("X")])),
            ]),
            expression([
                "union": str("Uni"), "base": obj(["kind": str("E")]), "discriminator": str("kind"),
                "data": obj(["one": str("T")]),
            ]),
            expression(["command": str("cmd"), "data": str("Args"), "returns": list(str("T"))]),
        ])
        XCTAssertEqual(
            result[0].members,
            SchemaObject([
                ("struct", str("Stru")),
                (
                    "data",
                    obj([
                        "a": obj(["type": str("int")]),
                        "*b": obj(["type": list(str("str")), "features": list(obj(["name": str("f")]))]),
                    ])
                ),
                ("features", list(obj(["name": str("deprecated")]), obj(["name": str("unstable"), "if": str("X")]))),
            ]))
        XCTAssertEqual(result[1]["base"], obj(["kind": obj(["type": str("E")])]))
        XCTAssertEqual(result[1]["data"], obj(["one": obj(["type": str("T")])]))
        XCTAssertEqual(result[2]["data"], str("Args"))
    }

    func testFirstErrorWinsAcrossExpressions() {
        assertError(
            [
                expression(["struct": str("Good"), "data": obj([:])]),
                expression(["enum": str("Bad")]),
                expression(["event": str("bad")]),
            ],
            inside("enum", "Bad", "enum misses key 'data'"))
    }
}
