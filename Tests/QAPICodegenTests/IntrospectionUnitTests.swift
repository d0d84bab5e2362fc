import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import XCTest

/// Introspection of a small hand-written schema: order, masking, integer
/// folding, reachability, conditions, features; and the CLI options.
final class IntrospectionUnitTests: XCTestCase {
    static let schemaText = """
        { 'enum': 'Color',
          'data': [ 'red', { 'name': 'green', 'if': 'HAVE_GREEN' },
                    { 'name': 'blue', 'features': [ 'unstable' ] } ] }
        { 'struct': 'Unused', 'data': { 'x': 'int' } }
        { 'struct': 'Point',
          'data': { 'x': 'int8', '*y': 'uint64', 'tags': [ 'uint8' ], 'names': [ 'str' ],
                    '*color': { 'type': 'Color', 'features': [ 'fancy' ] } },
          'features': [ 'shiny' ] }
        { 'struct': 'Cond', 'data': { 'a': 'str' }, 'if': 'HAVE_COND' }
        { 'union': 'Shape', 'base': { 'kind': 'Color' }, 'discriminator': 'kind',
          'data': { 'red': 'Point' } }
        { 'alternate': 'Alt', 'data': { 'n': 'number', 'p': 'Point' } }
        { 'command': 'draw', 'data': { 'shape': 'Shape', '*alt': 'Alt' },
          'returns': 'Point', 'allow-oob': true }
        { 'command': 'cond-cmd', 'data': { 'c': 'Cond' }, 'if': 'HAVE_COND' }
        { 'event': 'DRAWN', 'data': { 'when': 'int' } }
        { 'command': 'ping', 'features': [ 'deprecated' ] }
        """

    /// Every line of the masked output with no symbol defined.
    static let expectedMaskedNoSymbols = """
        [
        {"allow-oob": true, "arg-type": "0", "meta-type": "command", "name": "draw", "ret-type": "1"},
        {"arg-type": "4", "meta-type": "event", "name": "DRAWN"},
        {"arg-type": "3", "features": ["deprecated"], "meta-type": "command", "name": "ping", "ret-type": "3"},
        {"members": [{"name": "shape", "type": "5"}, {"default": null, "name": "alt", "type": "6"}], "meta-type": "object", "name": "0"},
        {"features": ["shiny"], "members": [{"name": "x", "type": "int"}, {"default": null, "name": "y", "type": "int"}, {"name": "tags", "type": "[int]"}, {"name": "names", "type": "[str]"}, {"default": null, "features": ["fancy"], "name": "color", "type": "7"}], "meta-type": "object", "name": "1"},
        {"members": [], "meta-type": "object", "name": "3"},
        {"members": [{"name": "when", "type": "int"}], "meta-type": "object", "name": "4"},
        {"members": [{"name": "kind", "type": "7"}], "meta-type": "object", "name": "5", "tag": "kind", "variants": [{"case": "red", "type": "1"}, {"case": "blue", "type": "3"}]},
        {"members": [{"type": "number"}, {"type": "1"}], "meta-type": "alternate", "name": "6"},
        {"json-type": "int", "meta-type": "builtin", "name": "int"},
        {"element-type": "int", "meta-type": "array", "name": "[int]"},
        {"element-type": "str", "meta-type": "array", "name": "[str]"},
        {"json-type": "string", "meta-type": "builtin", "name": "str"},
        {"members": [{"name": "red"}, {"features": ["unstable"], "name": "blue"}], "meta-type": "enum", "name": "7", "values": ["red", "blue"]},
        {"json-type": "number", "meta-type": "builtin", "name": "number"}
        ]

        """

    private var schemaDirectory: URL!
    private var schemaFile: URL!

    override func setUpWithError() throws {
        schemaDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("introspection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: schemaDirectory, withIntermediateDirectories: true)
        schemaFile = schemaDirectory.appendingPathComponent("small.json")
        try Data(Self.schemaText.utf8).write(to: schemaFile)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: schemaDirectory)
    }

    private func schema() throws -> QAPICheckedSchema {
        try QAPICheckedSchema(fileName: schemaFile.path)
    }

    func testMaskedOutputWithNoSymbols() throws {
        let entries = QAPIIntrospection.schemaInfo(for: try schema(), definedSymbols: [])
        XCTAssertEqual(QAPIIntrospection.renderJSON(entries), Self.expectedMaskedNoSymbols)
    }

    func testCommandsAndEventsComeFirstInSchemaOrder() throws {
        let entries = QAPIIntrospection.schemaInfo(for: try schema(), unmask: true)
        XCTAssertEqual(entries.prefix(4).map(\.name), ["draw", "cond-cmd", "DRAWN", "ping"])
        XCTAssertEqual(entries.dropFirst(4).first?.name, "q_obj_draw-arg")
    }

    func testUnusedTypesAndSizedIntegersAreLeftOut() throws {
        let names = Set(QAPIIntrospection.schemaInfo(for: try schema(), unmask: true).map(\.schemaName))
        XCTAssertFalse(names.contains("Unused"))
        for name in ["int8", "uint64", "uint8List", "bool", "QType"] {
            XCTAssertFalse(names.contains(name), "\(name) should not be listed")
        }
        XCTAssertTrue(names.isSuperset(of: ["int", "intList", "strList", "Point", "Color", "q_empty"]))
    }

    func testNumbersAreGivenRegardlessOfConditions() throws {
        let schema = try schema()
        let all = QAPIIntrospection.schemaInfo(for: schema)
        XCTAssertEqual(all.first { $0.schemaName == "q_obj_cond-cmd-arg" }?.name, "2")
        XCTAssertEqual(all.first { $0.schemaName == "Cond" }?.name, "8")
        XCTAssertEqual(all.first { $0.schemaName == "Cond" }?.ifcond, QAPISchemaIfCond(.string("HAVE_COND")))

        let without = QAPIIntrospection.schemaInfo(for: schema, definedSymbols: [])
        XCTAssertFalse(without.contains { $0.name == "2" || $0.name == "8" || $0.name == "cond-cmd" })
        let with = QAPIIntrospection.schemaInfo(for: schema, definedSymbols: ["HAVE_COND"])
        XCTAssertEqual(with.first { $0.name == "cond-cmd" }?.value["arg-type"], .string("2"))
        XCTAssertEqual(with.first { $0.schemaName == "Cond" }?.name, "8")
        XCTAssertFalse(with.contains { $0.value.isConditional || $0.ifcond.isPresent })
    }

    func testConditionalEnumValueAndImplicitBranch() throws {
        let schema = try schema()
        let kept = QAPIIntrospection.schemaInfo(for: schema, unmask: true)
        let green = IntrospectionValue.conditional(QAPISchemaIfCond(.string("HAVE_GREEN")), .string("green"))
        XCTAssertEqual(
            kept.first { $0.name == "Color" }?.value["values"], .array([.string("red"), green, .string("blue")]))

        let evaluated = QAPIIntrospection.schemaInfo(for: schema, unmask: true, definedSymbols: ["HAVE_GREEN"])
        XCTAssertEqual(
            evaluated.first { $0.name == "Color" }?.value["values"],
            .array([.string("red"), .string("green"), .string("blue")]))
        let variants = evaluated.first { $0.name == "Shape" }?.value["variants"]
        XCTAssertEqual(
            variants,
            .array([
                .object([IntrospectionField("case", .string("red")), IntrospectionField("type", .string("Point"))]),
                .object([IntrospectionField("case", .string("green")), IntrospectionField("type", .string("q_empty"))]),
                .object([IntrospectionField("case", .string("blue")), IntrospectionField("type", .string("q_empty"))]),
            ]))
    }

    func testConditionsAreRenderedAsWrappers() throws {
        let text = QAPIIntrospection.renderJSON(QAPIIntrospection.schemaInfo(for: try schema(), unmask: true))
        XCTAssertTrue(
            text.contains(
                #"{"if": "HAVE_COND", "value": {"arg-type": "q_obj_cond-cmd-arg", "meta-type": "command", "name": "cond-cmd", "ret-type": "q_empty"}}"#
            ), text)
        XCTAssertTrue(text.contains(#""values": ["red", {"if": "HAVE_GREEN", "value": "green"}, "blue"]"#), text)
        XCTAssertEqual(QAPIIntrospection.conditionSymbols(in: try schema()), ["HAVE_COND", "HAVE_GREEN"])
    }

    func testStringsAreEscapedLikePython() {
        let entry = IntrospectionEntry(
            name: "x", schemaName: "x", metaType: "builtin", ifcond: QAPISchemaIfCond(),
            value: .object([IntrospectionField("k", .string("a\"b\\c\n\u{1}é😀"))]))
        XCTAssertEqual(
            QAPIIntrospection.renderJSON([entry]),
            "[\n{\"k\": \"a\\\"b\\\\c\\n\\u0001\\u00e9\\ud83d\\ude00\"}\n]\n")
    }

    // MARK: Command line

    func testCommandLineAccumulatesSymbolsAndUnmasks() throws {
        let result = try TestEnvironment.runQAPIGen(
            ["--introspection", "-u", "-D", "HAVE_GREEN", "-DHAVE_COND", "small.json"], in: schemaDirectory)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(String(decoding: result.standardError, as: UTF8.self), "")
        let expected = QAPIIntrospection.renderJSON(
            QAPIIntrospection.schemaInfo(for: try schema(), unmask: true, definedSymbols: ["HAVE_GREEN", "HAVE_COND"]))
        XCTAssertEqual(String(decoding: result.standardOutput, as: UTF8.self), expected)
        XCTAssertTrue(expected.contains(#""name": "cond-cmd""#))
        XCTAssertTrue(expected.contains(#""case": "green""#))
    }

    func testCommandLineDefaultIsMaskedWithNoSymbols() throws {
        let result = try TestEnvironment.runQAPIGen(["--introspection", "small.json"], in: schemaDirectory)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(String(decoding: result.standardOutput, as: UTF8.self), Self.expectedMaskedNoSymbols)
    }

    func testCommandLineErrors() throws {
        let missing = try TestEnvironment.runQAPIGen(["--introspection", "-D"], in: schemaDirectory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(String(decoding: missing.standardError, as: UTF8.self).contains("option -D needs a value"))

        try Data("{ 'command': 'x', 'data': 'Nope' }\n".utf8).write(
            to: schemaDirectory.appendingPathComponent("bad.json"))
        let bad = try TestEnvironment.runQAPIGen(["--introspection", "bad.json"], in: schemaDirectory)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.standardOutput, Data())
        XCTAssertEqual(
            String(decoding: bad.standardError, as: UTF8.self),
            "bad.json: In command 'x':\nbad.json:1: command's 'data' uses unknown type 'Nope'\n")

        let help = try TestEnvironment.runQAPIGen(["--help"], in: schemaDirectory)
        let helpText = String(decoding: help.standardOutput, as: UTF8.self)
        for option in ["--introspection", "-u", "-D SYMBOL", "--dump", "--diagnostics"] {
            XCTAssertTrue(helpText.contains(option), "help does not mention \(option)")
        }
    }
}
