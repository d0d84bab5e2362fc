import Foundation
import XCTest

/// A bad `qapi-gen.json` fails the build with a message that names the
/// configuration file and the key.
final class PluginConfigurationErrorTests: XCTestCase {
    /// One bad configuration and the text the build log must show.
    private struct Case {
        /// The configuration's text; `nil` for no configuration file.
        let config: String?
        /// Text expected after `error: CONFIG_PATH: `.
        let message: String
    }

    /// The cases, built one after another in one fixture (each build only
    /// plans again and runs the plugin, so each takes about a second).
    private let cases: [Case] = [
        Case(config: #"{"schema": "qapi/main.json", "colour": "blue"}"#,
             message: "unknown key 'colour' (known keys: schema, symbols, unmask, access, prefix, client)"),
        Case(config: #"{"schema": "qapi/main.json", "unmask": "yes"}"#,
             message: "key 'unmask' must be a boolean, not a string"),
        Case(config: #"{"schema": "qapi/main.json", "symbols": ["CONFIG_A", 2]}"#,
             message: "key 'symbols' must be an array of strings, not an array with a non-string element"),
        Case(config: #"{"schema": "qapi/main.json", "prefix": true}"#,
             message: "key 'prefix' must be a string, not a boolean"),
        Case(config: #"{"schema": "qapi/main.json", "access": "open"}"#,
             message: #"key 'access' must be one of "public", "package", "internal", not "open""#),
        Case(config: #"{"schema": 3}"#, message: "key 'schema' must be a string, not a number"),
        Case(config: #"{"symbols": []}"#, message: "missing required key 'schema'"),
        Case(config: #"{"schema": "qapi/absent.json"}"#,
             message: "key 'schema': schema file 'qapi/absent.json' not found"),
        Case(config: #"{"schema": "qapi"}"#, message: "key 'schema': schema file 'qapi' is not a readable file"),
        Case(config: #"{"schema": "qapi/main.json""#, message: "not valid JSON"),
        Case(config: nil, message: "missing configuration: a target using QAPIGeneratorPlugin needs a 'qapi-gen.json'"),
    ]

    /// Every case fails the build with its message, prefixed by the
    /// configuration file's path.
    func testBadConfigurationsFailTheBuildNamingFileAndKey() throws {
        let fixture = try PluginFixture()
        try fixture.write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        for item in cases {
            if let config = item.config {
                try fixture.write(config, to: "Sources/Fixture/qapi-gen.json")
            } else {
                try FileManager.default.removeItem(atPath: fixture.configPath)
            }
            let result = try fixture.build("config \(item.config ?? "(none)")", replan: true)
            XCTAssertNotEqual(result.status, 0, "build succeeded with \(item.config ?? "no config")")
            let expected = "error: \(fixture.configPath): \(item.message)"
            XCTAssertTrue(
                result.output.contains(expected),
                "expected '\(expected)' in the build output:\n\(result.output.suffix(3000))")
        }
    }
}
