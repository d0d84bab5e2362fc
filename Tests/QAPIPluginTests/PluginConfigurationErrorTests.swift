import Foundation
import XCTest

/// A bad `qapi-gen.json` fails the build with a diagnostic in compiler
/// form on the configuration file, naming the key; each edit of the
/// configuration takes effect on the next build.
final class PluginConfigurationErrorTests: XCTestCase {
    /// One bad configuration and the text the build log must show.
    private struct Case {
        /// The configuration's text; `nil` for no configuration file.
        let config: String?
        /// Text expected after the configuration file's path: the line
        /// and column when the problem has a place, then `: error: ...`.
        let message: String
    }

    /// The cases, built one after another in one fixture. Only the first
    /// build and the one after the configuration's removal plan; every
    /// other build just runs `qapi-gen` again, the configuration being
    /// one of its inputs.
    private let cases: [Case] = [
        Case(
            config: #"{"schema": "qapi/main.json", "colour": "blue"}"#,
            message:
                ":1:30: error: unknown key 'colour' (known keys: schema, symbols, unmask, access, prefix, client, mutable-members, commands, events, types)"
        ),
        Case(
            config: #"{"schema": "qapi/main.json", "unmask": "yes"}"#,
            message: ":1:40: error: key 'unmask' must be a boolean, not a string"),
        Case(
            config: #"{"schema": "qapi/main.json", "symbols": ["CONFIG_A", 2]}"#,
            message: ":1:54: error: key 'symbols' must be an array of strings, not an array with a non-string element"),
        Case(
            config: #"{"schema": "qapi/main.json", "prefix": true}"#,
            message: ":1:40: error: key 'prefix' must be a string, not a boolean"),
        Case(
            config: #"{"schema": "qapi/main.json", "access": "open"}"#,
            message: #":1:40: error: key 'access' must be one of "public", "package", "internal", not "open""#),
        Case(config: #"{"schema": 3}"#, message: ":1:12: error: key 'schema' must be a string, not a number"),
        Case(config: #"{"symbols": []}"#, message: ":1:1: error: missing required key 'schema'"),
        Case(
            config: #"{"schema": "qapi/absent.json"}"#,
            message: ":1:12: error: key 'schema': schema file 'qapi/absent.json' not found"),
        Case(
            config: #"{"schema": "qapi"}"#,
            message: ":1:12: error: key 'schema': schema file 'qapi' is not a readable file"),
        Case(config: #"{"schema": "qapi/main.json""#, message: ":1:28: error: not valid JSON"),
        Case(
            config: nil,
            message: ": error: missing configuration: a target using QAPIGeneratorPlugin needs a 'qapi-gen.json'"),
    ]

    /// Every case fails the build with its message, prefixed by the
    /// configuration file's path.
    func testBadConfigurationsFailTheBuildNamingFileAndKey() throws {
        let fixture = try PluginFixture()
        try fixture.write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        for (index, item) in cases.enumerated() {
            if let config = item.config {
                try fixture.write(config, to: "Sources/Fixture/qapi-gen.json")
            } else {
                try FileManager.default.removeItem(atPath: fixture.configPath)
            }
            let result = try fixture.build("config \(item.config ?? "(none)")", replan: index == 0)
            XCTAssertNotEqual(result.status, 0, "build succeeded with \(item.config ?? "no config")")
            let expected = fixture.configPath + item.message
            XCTAssertTrue(
                result.output.contains(expected),
                "expected '\(expected)' in the build output:\n\(result.output.suffix(3000))")
        }
    }
}
