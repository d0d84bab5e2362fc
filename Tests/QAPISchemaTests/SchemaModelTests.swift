import QAPISchema
import XCTest

/// The schema model: implicit types, resolution, checks and messages
/// beyond what QEMU's corpus pins down.
final class SchemaModelTests: XCTestCase {
    private func schema(_ text: String) throws(QAPIError) -> QAPICheckedSchema {
        let parsed = try QAPISchemaParser.parse(text: text, fileName: "t.json")
        return try QAPICheckedSchema(expressions: parsed.expressions, docs: parsed.docs, fileName: "t.json")
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try schema(text)
            XCTFail("schema accepted", file: file, line: line)
            return nil
        } catch {
            return error.qemuDescription
        }
    }

    func testPredefinedEntitiesAndModules() throws {
        let schema = try schema("{ 'enum': 'Enum', 'data': [ 'a' ] }")
        XCTAssertEqual(schema.modules.map(\.name), ["./builtin", "t.json"])
        XCTAssertTrue(schema.modules[0].isBuiltin)
        XCTAssertTrue(schema.lookupType("int") is QAPISchemaBuiltinType)
        XCTAssertEqual(schema.lookupType("intList")?.jsonType, "array")
        XCTAssertTrue(schema.lookupType("QType")?.isImplicit ?? false)
        XCTAssertTrue(schema.emptyObjectType.isEmpty)
        XCTAssertEqual(schema.features.map(\.name), ["deprecated", "unstable"])
        XCTAssertEqual(schema.lookupEntity("Enum")?.moduleName, "t.json")
        XCTAssertIdentical(schema.module(named: "t.json"), schema.modules[1])
        XCTAssertNil(schema.lookupType("Nope"))
    }

    func testImplicitArgumentTypeAndArrays() throws {
        let schema = try schema(
            """
            { 'struct': 'Str', 'data': { 'x': 'int' } }
            { 'command': 'cmd', 'data': { 'a': ['Str'], '*b': 'str' }, 'returns': ['Str'] }
            { 'event': 'EVT', 'data': {} }
            """)
        let command = try XCTUnwrap(schema.lookupEntity("cmd") as? QAPISchemaCommand)
        XCTAssertEqual(command.argType?.name, "q_obj_cmd-arg")
        XCTAssertTrue(command.argType?.isImplicit ?? false)
        XCTAssertEqual(command.argType?.members.map(\.name), ["a", "b"])
        XCTAssertEqual(command.argType?.members.map(\.optional), [false, true])
        let list = try XCTUnwrap(command.retType as? QAPISchemaArrayType)
        XCTAssertEqual(list.name, "StrList")
        XCTAssertEqual(list.elementType.name, "Str")
        XCTAssertEqual(list.docType, "array of Str")
        XCTAssertEqual(schema.commands.map(\.name), ["cmd"])
        XCTAssertEqual(schema.events.map(\.name), ["EVT"])
        XCTAssertEqual(schema.types.filter { $0.info != nil }.map(\.name), ["Str", "StrList", "q_obj_cmd-arg"])
        let event = try XCTUnwrap(schema.lookupEntity("EVT") as? QAPISchemaEvent)
        XCTAssertNil(event.argType, "empty inline data makes no type")
    }

    func testUnionGetsEmptyBranchesForUncoveredValues() throws {
        let schema = try schema(
            """
            { 'enum': 'Kind', 'data': [ 'a', { 'name': 'b', 'if': 'HAVE_B' } ] }
            { 'struct': 'Branch', 'data': { 'x': 'int' } }
            { 'union': 'Union1', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'a': 'Branch' } }
            """)
        let union = try XCTUnwrap(schema.lookupType("Union1") as? QAPISchemaObjectType)
        XCTAssertEqual(union.meta, .union)
        XCTAssertEqual(union.base?.name, "q_obj_Union1-base")
        XCTAssertEqual(union.members.map(\.name), ["kind"])
        let branches = try XCTUnwrap(union.branches)
        XCTAssertEqual(branches.tagMember.name, "kind")
        XCTAssertEqual(branches.variants.map(\.name), ["a", "b"])
        XCTAssertEqual(branches.variants.map(\.type.name), ["Branch", "q_empty"])
        XCTAssertEqual(branches.variants[1].ifcond.pythonStr, "HAVE_B")
    }

    func testAlternateQTypes() throws {
        let schema = try schema(
            """
            { 'enum': 'Enum', 'data': [ 'x' ] }
            { 'alternate': 'Alt', 'data': { 'e': 'Enum', 'n': 'number', 'b': 'bool', 'l': ['int'], 'z': 'null' } }
            """)
        let alternate = try XCTUnwrap(schema.lookupType("Alt") as? QAPISchemaAlternateType)
        XCTAssertEqual(alternate.alternatives.tagMember.type.name, "QType")
        XCTAssertEqual(
            alternate.alternatives.variants.map { $0.type.alternateQType },
            [.qstring, .qnum, .qbool, .qlist, .qnull])
        XCTAssertEqual(QAPIQType.qstring.constantName, "QTYPE_QSTRING")
    }

    func testClashMessages() {
        XCTAssertEqual(
            error(
                """
                { 'struct': 'Base', 'data': { 'name': 'str' } }
                { 'struct': 'Sub', 'base': 'Base', 'data': { 'name': 'int' } }
                """),
            """
            t.json: In struct 'Sub':
            t.json:2: member 'name' collides with member 'name' of type 'Base'
            """)
        XCTAssertEqual(
            error(
                """
                { 'command': 'c', 'data': { '__a.b_x': 'int', '__a-b_x': 'str' } }
                """),
            """
            t.json: In command 'c':
            t.json:1: parameter '__a-b_x' collides with parameter '__a.b_x'
            """)
        XCTAssertEqual(
            error(
                """
                { 'struct': 'Str', 'data': {}, 'features': [ '__a.b_x', '__a-b_x' ] }
                """),
            """
            t.json: In struct 'Str':
            t.json:1: feature '__a-b_x' collides with feature '__a.b_x'
            """)
    }

    func testResolutionAndShapeMessages() {
        XCTAssertEqual(
            error("{ 'struct': 'Str', 'data': { 'm': 'Nope' } }"),
            """
            t.json: In struct 'Str':
            t.json:1: member 'm' uses unknown type 'Nope'
            """)
        XCTAssertEqual(
            error("{ 'event': 'EVT', 'data': 'str' }"),
            """
            t.json: In event 'EVT':
            t.json:1: event's 'data' cannot take built-in type 'str'
            """)
        XCTAssertEqual(
            error(
                """
                { 'enum': 'Kind', 'data': [ 'a' ] }
                { 'struct': 'Branch', 'data': {} }
                { 'union': 'Union1', 'base': { 'k': 'Kind' }, 'discriminator': 'k', 'data': { 'a': 'Branch' } }
                { 'command': 'c', 'data': 'Union1' }
                """),
            """
            t.json: In command 'c':
            t.json:4: command's 'data' can take union type 'Union1' only with 'boxed': true
            """)
        XCTAssertEqual(
            error("{ 'command': 'c', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }"),
            """
            t.json: In command 'c':
            t.json:1: conditional command arguments require 'boxed': true
            """)
        XCTAssertEqual(
            error("{ 'command': 'c', 'returns': 'int' }"),
            """
            t.json: In command 'c':
            t.json:1: command's 'returns' cannot take built-in type 'int'
            """)
        XCTAssertEqual(
            error("{ 'struct': 'Str', 'data': {}, 'features': [ 'deprecated' ] }"),
            """
            t.json: In struct 'Str':
            t.json:1: feature 'deprecated' is not supported for types
            """)
    }

    func testReturnsExceptionsAllowNonObjects() throws {
        let schema = try schema(
            """
            { 'pragma': { 'command-returns-exceptions': [ 'c' ] } }
            { 'command': 'c', 'returns': ['int'] }
            """)
        let command = try XCTUnwrap(schema.lookupEntity("c") as? QAPISchemaCommand)
        XCTAssertEqual(command.retType?.name, "intList")
    }

    func testUnionDiscriminatorMessages() {
        let prelude = """
            { 'enum': 'Kind', 'data': [ 'a' ] }
            { 'struct': 'Branch', 'data': {} }

            """
        XCTAssertEqual(
            error(
                prelude + """
                    { 'struct': 'Base', 'data': { 'k': 'str' } }
                    { 'union': 'Union1', 'base': 'Base', 'discriminator': 'k', 'data': { 'a': 'Branch' } }
                    """),
            """
            t.json: In union 'Union1':
            t.json:4: discriminator member 'k' of base type 'Base' must be of enum type
            """)
        XCTAssertEqual(
            error(
                prelude + """
                    { 'union': 'Union1', 'base': { 'k': { 'type': 'Kind', 'if': 'X' } }, 'discriminator': 'k', 'data': { 'a': 'Branch' } }
                    """),
            """
            t.json: In union 'Union1':
            t.json:3: discriminator member 'k' of 'base' must not be conditional
            """)
    }

    func testIfConditions() {
        let condition = QAPISchemaIfCond(
            .object(
                SchemaObject([
                    ("all", .list([.string("A"), .object(SchemaObject([("not", .string("B"))]))]))
                ])))
        XCTAssertTrue(condition.isPresent)
        XCTAssertEqual(condition.pythonStr, "{'all': ['A', {'not': 'B'}]}")
        XCTAssertTrue(condition.evaluate(defined: ["A"]))
        XCTAssertFalse(condition.evaluate(defined: ["A", "B"]))
        XCTAssertFalse(QAPISchemaIfCond().isPresent)
        XCTAssertTrue(QAPISchemaIfCond().evaluate(defined: []))
        XCTAssertEqual(QAPISchemaIfCond(.string("X")).pythonStr, "X")
    }

    func testVisitorSeesModulesAndEntitiesInOrder() throws {
        struct Recorder: QAPISchemaVisitor {
            var events: [String] = []
            mutating func visitModule(_ module: QAPISchemaModule) { events.append("module " + module.name) }
            func visitNeeded(_ entity: QAPISchemaEntity) -> Bool { entity.info != nil }
            mutating func visitObjectType(_ type: QAPISchemaObjectType) { events.append("object " + type.name) }
            mutating func visitCommand(_ command: QAPISchemaCommand) { events.append("command " + command.name) }
        }
        let schema = try schema("{ 'command': 'c', 'data': { 'a': 'int' } }")
        var recorder = Recorder()
        schema.visit(&recorder)
        XCTAssertEqual(recorder.events, ["module ./builtin", "module t.json", "object q_obj_c-arg", "command c"])
    }
}
