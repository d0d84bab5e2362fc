import Foundation
import QAPISchema
import XCTest

/// Lexer and parser rules beyond what QEMU's corpus pins down.
final class ParserTests: XCTestCase {
    private func parseError(_ text: String) -> String? {
        do {
            _ = try QAPISchemaParser.parse(text: text, fileName: "t.json")
            return nil
        } catch {
            return error.qemuDescription
        }
    }

    func testValuesKeepOrderAndKinds() throws {
        let parsed = try QAPISchemaParser.parse(
            text: "{ 'struct': 'S', 'data': { 'b': 'int', 'a': ['str'] }, 'x': true, 'y': false }",
            fileName: "t.json")
        XCTAssertEqual(parsed.expressions.count, 1)
        let expression = parsed.expressions[0]
        XCTAssertEqual(expression.members.keys, ["struct", "data", "x", "y"])
        XCTAssertEqual(expression["data"]?.objectValue?.keys, ["b", "a"])
        XCTAssertEqual(expression["data"]?.pythonRepr, "{'b': 'int', 'a': ['str']}")
        XCTAssertEqual(expression["x"], .bool(true))
        XCTAssertEqual(expression.info.line, 1)
    }

    func testColumnsFollowQEMUsTabFormula() {
        // QEMU computes a tab as col = (col + 7) % 8 + 1, which leaves
        // columns 1 to 8 unchanged and wraps 9 to 1; clients see that.
        XCTAssertEqual(parseError("\t;"), "t.json:1:1: stray ';'")
        XCTAssertEqual(parseError("  \t ;"), "t.json:1:4: stray ';'")
        XCTAssertEqual(parseError("        \t;"), "t.json:1:1: stray ';'")
        XCTAssertEqual(parseError("é ;"), "t.json:1:1: stray 'é'")
    }

    func testCarriageReturnsEndLinesLikePythonTextMode() {
        XCTAssertEqual(parseError("{ 'enum': 'E' }\r\n\r\n;"), "t.json:3:1: stray ';'")
        XCTAssertEqual(parseError("{ 'enum': 'E' }\r\r;"), "t.json:3:1: stray ';'")
    }

    func testUnicodeWhitespaceIsSkippedAndOtherCharactersAreStray() {
        XCTAssertNil(parseError("\u{00A0}{ 'enum': 'E', 'data': [] }\u{3000}\n"))
        XCTAssertEqual(parseError("{ 'a': 'b' }\u{200B}x"), "t.json:1:13: stray '\u{200B}x'")
        XCTAssertEqual(parseError("{ 'a': \"b\" }"), "t.json:1:8: stray '\"b\"'")
    }

    func testStringRules() {
        XCTAssertEqual(parseError("{ 'a\\\\b': 'c' }"), nil)
        XCTAssertEqual(parseError("{ 'a\\n': 'c' }"), "t.json:1:3: unknown escape \\n")
        XCTAssertEqual(parseError("{ 'aé': 'c' }"), "t.json:1:3: funny character in string")
        XCTAssertEqual(parseError("{ 'a\n"), "t.json:1:3: missing terminating \"'\"")
    }

    func testTrueAndFalseNeedNoDelimiter() {
        XCTAssertEqual(parseError("{ 'a': trueblue }"), "t.json:1:12: stray 'blue'")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let text = "{ 'a': " + String(repeating: "[", count: 5000)
        XCTAssertEqual(
            parseError(text), "t.json:1:\(8 + QAPISchemaParser.maximumNesting - 1): expression nested too deeply")
    }

    func testEmptyFileHasNoExpressions() throws {
        let parsed = try QAPISchemaParser.parse(text: "", fileName: "t.json")
        XCTAssertTrue(parsed.expressions.isEmpty)
        XCTAssertTrue(parsed.docs.isEmpty)
    }

    func testPragmaAppliesToTheWholeSchema() throws {
        let parsed = try QAPISchemaParser.parse(
            text:
                "{ 'enum': 'E', 'data': [] }\n{ 'pragma': { 'doc-required': true, 'member-name-exceptions': ['E'] } }",
            fileName: "t.json")
        XCTAssertTrue(parsed.expressions[0].info.pragma.docRequired)
        XCTAssertEqual(parsed.expressions[0].info.pragma.memberNameExceptions, ["E"])
    }

    func testDocSectionsAndTexts() throws {
        let text = """
            ##
            # @cmd:
            #
            # Does things.
            #
            # @arg: the argument,
            #     continued
            #
            # Returns: nothing much
            #
            # Since: 1.0
            ##
            { 'command': 'cmd', 'data': { 'arg': 'int' } }
            """
        let parsed = try QAPISchemaParser.parse(text: text, fileName: "t.json")
        let doc = try XCTUnwrap(parsed.expressions.first?.doc)
        XCTAssertEqual(doc.symbol, "cmd")
        XCTAssertEqual(doc.body.text, "Does things.")
        XCTAssertEqual(doc.argument(named: "arg")?.text, "the argument,\n    continued")
        XCTAssertEqual(doc.sections.map(\.kind.title), ["Returns", "Since"])
        XCTAssertEqual(doc.returns?.text, "nothing much")
        XCTAssertEqual(doc.since?.text, "1.0")
        XCTAssertEqual(doc.since?.info.line, 11)
    }

    func testRetiredDocSectionsAreExplained() {
        let text = "##\n# @E:\n#\n# Note: careful\n##\n{ 'enum': 'E', 'data': [] }"
        XCTAssertEqual(
            parseError(text),
            "t.json:4:1: The 'Note' section is no longer supported. Please use rST's '.. note::' or "
                + "'.. admonition:: notes' directives, or another suitable admonition instead.")
    }

    func testCompilerRenderingNamesFileLineAndColumn() {
        do {
            _ = try QAPISchemaParser.parse(text: "\n  ;", fileName: "/abs/t.json")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.compilerDescription, "/abs/t.json:2:3: error: stray ';'")
        }
    }
}
