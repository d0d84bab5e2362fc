import QAPICodegen
import XCTest

/// The configuration model shared by the build plugin and `qapi-gen
/// --config`: its keys, its checks, its JSON reader and where its errors
/// point.
final class QAPIGeneratorConfigTests: XCTestCase {
    private let file = "/pkg/Sources/T/qapi-gen.json"

    private func parse(_ text: String) throws(QAPIConfigError) -> QAPIGeneratorConfig {
        try QAPIGeneratorConfig.parse(Array(text.utf8), file: file)
    }

    /// The error `text` gives, as `qapi-gen` prints it.
    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try parse(text)
            XCTFail("accepted: \(text)", file: file, line: line)
            return ""
        } catch {
            return error.compilerDescription
        }
    }

    func testEveryKeyIsRead() throws {
        let config = try parse(
            """
            {
              "schema": "qapi/main.json", "symbols": ["CONFIG_A", "CONFIG_B"], "unmask": true,
              "access": "package", "prefix": "fx", "client": true, "mutable-members": true
            }
            """)
        XCTAssertEqual(config.schema, "qapi/main.json")
        XCTAssertEqual(config.symbols, ["CONFIG_A", "CONFIG_B"])
        XCTAssertTrue(config.unmask)
        XCTAssertEqual(config.access, .package)
        XCTAssertEqual(config.prefix, "fx")
        XCTAssertTrue(config.client)
        XCTAssertTrue(config.mutableMembers)
        XCTAssertEqual(config.positions[.schema], QAPIConfigPosition(line: 2, column: 13))
        XCTAssertEqual(config.positions[.client], QAPIConfigPosition(line: 3, column: 50))
        XCTAssertEqual(
            SwiftGeneratorOptions(config),
            SwiftGeneratorOptions(
                prefix: "fx", unmask: true, definedSymbols: ["CONFIG_A", "CONFIG_B"], access: .package, client: true,
                mutableMembers: true))
    }

    /// `commands`, `events` and `types` make a subset; the lists not
    /// given count as empty.
    func testSubsetKeys() throws {
        let config = try parse(#"{"schema": "s.json", "commands": ["stop", "cont"], "types": ["RunState"]}"#)
        XCTAssertEqual(
            SwiftGeneratorOptions(config).subset, QAPISubset(commands: ["stop", "cont"], types: ["RunState"]))
        XCTAssertNil(SwiftGeneratorOptions(try parse(#"{"schema": "s.json"}"#)).subset)
        XCTAssertTrue(failure(#"{"schema": "s.json", "events": "STOP"}"#).contains("key 'events'"))
    }

    func testDefaultsAndSchemaPath() throws {
        let config = try parse(#"{"schema": "qapi/../qapi/./main.json"}"#)
        XCTAssertEqual(SwiftGeneratorOptions(config), SwiftGeneratorOptions())
        XCTAssertEqual(config.schemaFile(packageRoot: "/pkg/", workingDirectory: "/"), "/pkg/qapi/main.json")
        XCTAssertEqual(
            config.schemaFile(packageRoot: "sub/pkg", workingDirectory: "/home"), "/home/sub/pkg/qapi/main.json")
        XCTAssertEqual(config.schemaFile(packageRoot: ".", workingDirectory: "/home"), "/home/qapi/main.json")
    }

    func testKeyErrorsNameTheKeyAndPointAtIt() {
        let cases: [(String, String)] = [
            (
                #"{"schema": "qapi/main.json", "colour": "blue"}"#,
                "1:30: error: unknown key 'colour' (known keys: schema, symbols, unmask, access, prefix, client, mutable-members, commands, events, types)"
            ),
            (
                #"{"schema": "qapi/main.json", "unmask": "yes"}"#,
                "1:40: error: key 'unmask' must be a boolean, not a string"
            ),
            (
                #"{"schema": "qapi/main.json", "symbols": ["CONFIG_A", 2]}"#,
                "1:54: error: key 'symbols' must be an array of strings, not an array with a non-string element"
            ),
            (
                #"{"schema": "qapi/main.json", "symbols": "CONFIG_A"}"#,
                "1:41: error: key 'symbols' must be an array of strings, not a string"
            ),
            (
                #"{"schema": "qapi/main.json", "prefix": true}"#,
                "1:40: error: key 'prefix' must be a string, not a boolean"
            ),
            (
                #"{"schema": "qapi/main.json", "client": 1}"#,
                "1:40: error: key 'client' must be a boolean, not a number"
            ),
            (
                #"{"schema": "qapi/main.json", "mutable-members": "yes"}"#,
                "1:49: error: key 'mutable-members' must be a boolean, not a string"
            ),
            (
                #"{"schema": "qapi/main.json", "access": "open"}"#,
                #"1:40: error: key 'access' must be one of "public", "package", "internal", not "open""#
            ),
            (#"{"schema": 3}"#, "1:12: error: key 'schema' must be a string, not a number"),
            (#"{"schema": null}"#, "1:12: error: key 'schema' must be a string, not null"),
            (#"{"schema": ""}"#, "1:12: error: key 'schema' must be a path relative to the package root, not ''"),
            (
                #"{"schema": "/abs/main.json"}"#,
                "1:12: error: key 'schema' must be a path relative to the package root, not '/abs/main.json'"
            ),
            (
                #"{"symbols": []}"#,
                "1:1: error: missing required key 'schema' (the schema file, relative to the package root)"
            ),
            (#"{"schema": "a.json", "schema": "b.json"}"#, "1:22: error: key 'schema' appears twice"),
            (#"["schema"]"#, "1:1: error: the configuration must be a JSON object, not an array"),
            ("\n  \"qapi/main.json\"", "2:3: error: the configuration must be a JSON object, not a string"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(failure(text), "\(file):\(expected)", text)
        }
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(
            failure(#"{"schema": "qapi/é€😀.json", "x": 1}"#),
            "\(file):1:29: error: unknown key 'x' (known keys: schema, symbols, unmask, access, prefix, client, mutable-members, commands, events, types)"
        )
    }

    func testJSONSyntaxErrorsArePlaced() {
        let cases: [(String, String)] = [
            (
                #"{"schema": "qapi/main.json""#,
                "1:28: error: not valid JSON (unexpected end of file after an object member)"
            ),
            ("", "1:1: error: not valid JSON (unexpected end of file, expected a value)"),
            (
                #"{"schema": "a" "b"}"#,
                "1:16: error: not valid JSON (expected ',' or '}' after an object member, found '\"')"
            ),
            ("{\n  \"schema\" \"a\"}", "2:12: error: not valid JSON (expected ':' after the member name, found '\"')"),
            ("{'schema': 'a'}", "1:2: error: not valid JSON (expected a member name in double quotes, found ''')"),
            (#"{"schema": "a",}"#, "1:16: error: not valid JSON (expected a member name in double quotes, found '}')"),
            (#"{"symbols": [1,]}"#, "1:16: error: not valid JSON (expected a value, found ']')"),
            (#"{"schema": tru}"#, "1:12: error: not valid JSON (expected a value, found 't')"),
            (#"{"schema": 01}"#, "1:12: error: not valid JSON (invalid number)"),
            (#"{"schema": 1.}"#, "1:12: error: not valid JSON (invalid number)"),
            (#"{"schema": -}"#, "1:12: error: not valid JSON (invalid number)"),
            (#"{"schema": 1e}"#, "1:12: error: not valid JSON (invalid number)"),
            (
                "{\"schema\": \"a\tb\"}",
                "1:14: error: not valid JSON (control character in a string (write it as an escape sequence))"
            ),
            (#"{"schema": "a\qb"}"#, "1:14: error: not valid JSON (invalid escape sequence in a string)"),
            (#"{"schema": "\u12G4"}"#, "1:13: error: not valid JSON (invalid \\u escape sequence in a string)"),
            (#"{"schema": "\ud83d"}"#, "1:19: error: not valid JSON (unpaired surrogate in a \\u escape sequence)"),
            (#"{"schema": "\ude00"}"#, "1:19: error: not valid JSON (unpaired surrogate in a \\u escape sequence)"),
            (#"{"schema": "a.json"} x"#, "1:22: error: not valid JSON (unexpected text after the JSON value)"),
            (#"{"schema": "a.json"#, "1:19: error: not valid JSON (unexpected end of file in a string)"),
            (String(repeating: "[", count: 100), "1:65: error: not valid JSON (arrays and objects nested too deeply)"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(failure(text), "\(file):\(expected)", text)
        }
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try QAPIGeneratorConfig.parse([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D], file: file)) { error in
            XCTAssertEqual((error as? QAPIConfigError)?.message, "not valid JSON (the text is not UTF-8)")
        }
    }

    func testStringsAndValuesOfEveryKind() throws {
        let config = try parse(
            """
            \u{20}\r\n\t{"schema": "q\\u00e9\\ud83d\\ude00\\/\\"\\\\\\b\\f\\n\\r\\t.json",
             "symbols": [], "prefix": "",
             "unmask": false}
            """)
        XCTAssertEqual(config.schema, "qé😀/\"\\\u{8}\u{C}\n\r\t.json")
        XCTAssertEqual(config.symbols, [])
        XCTAssertFalse(config.unmask)
        // Values of other kinds are read (and then refused by key).
        XCTAssertEqual(
            failure(#"{"schema": "a", "prefix": {"x": [1, -2.5e+3, 0, true, null, {}]}}"#),
            "\(file):1:27: error: key 'prefix' must be a string, not an object")
    }

    func testFileErrors() throws {
        XCTAssertEqual(
            QAPIGeneratorConfig.missingFileError(file).compilerDescription,
            "\(file): error: missing configuration: a target using QAPIGeneratorPlugin needs a 'qapi-gen.json' "
                + #"file in its source directory, e.g. {"schema": "qapi/qapi-schema.json"}"#)
        XCTAssertEqual(
            QAPIGeneratorConfig.unreadableFileError(file, reason: "Permission denied").compilerDescription,
            "\(file): error: cannot read the configuration file: Permission denied")
        let config = try parse(#"{ "schema": "qapi/x.json" }"#)
        XCTAssertEqual(
            config.schemaFileError(file, path: "/pkg/qapi/x.json", exists: false).compilerDescription,
            "\(file):1:13: error: key 'schema': schema file 'qapi/x.json' not found (at /pkg/qapi/x.json)")
        XCTAssertEqual(
            config.schemaFileError(file, path: "/pkg/qapi/x.json", exists: true).compilerDescription,
            "\(file):1:13: error: key 'schema': schema file 'qapi/x.json' is not a readable file (at /pkg/qapi/x.json)")
    }

    func testAccessLevelIsOneEnum() {
        XCTAssertTrue(SwiftGeneratorOptions.AccessLevel.self == QAPIAccessLevel.self)
        XCTAssertEqual(QAPIAccessLevel.allCases.map(\.rawValue), ["public", "package", "internal"])
        XCTAssertEqual(
            QAPIGeneratorConfig.Key.allCases.map(\.rawValue),
            [
                "schema", "symbols", "unmask", "access", "prefix", "client", "mutable-members", "commands", "events",
                "types",
            ])
    }
}
