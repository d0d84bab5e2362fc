import Foundation
import QAPICodegen
import QAPITestSupport
import XCTest

/// `qapi-gen --config`, as the build plugin runs it: the configuration
/// replaces the options it sets, its errors are in compiler form, and
/// the options it sets cannot be given twice.
final class ConfigCommandLineTests: XCTestCase {
    private var package: URL!

    override func setUpWithError() throws {
        package = FileManager.default.temporaryDirectory.appendingPathComponent("qapi-config-\(UUID().uuidString)")
        try write(
            """
            { 'include': 'sub/more.json' }
            { 'command': 'ping', 'if': 'CONFIG_X' }
            { 'struct': 'Thing', 'data': { 'n': 'int' } }

            """, to: "qapi/main.json")
        try write("{ 'event': 'RANG', 'data': { 'thing': 'Thing' } }\n", to: "qapi/sub/more.json")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: package)
    }

    private func write(_ text: String, to path: String) throws {
        let url = package.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func run(_ arguments: [String]) throws -> (err: String, status: Int32) {
        let result = try TestEnvironment.runQAPIGen(arguments, in: package)
        return (String(decoding: result.standardError, as: UTF8.self), result.status)
    }

    private func contents(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in QAPIOutputPlan.files {
            files[name] = try Data(contentsOf: package.appendingPathComponent(directory).appendingPathComponent(name))
        }
        return files
    }

    /// The configuration gives exactly what the same options on the
    /// command line give; the package root defaults to the working folder.
    func testConfigurationMatchesCommandLineOptions() throws {
        try write(
            #"{"schema": "qapi/main.json", "prefix": "fx", "symbols": ["CONFIG_X"], "unmask": true, "#
                + #""access": "package", "client": true, "mutable-members": true}"#,
            to: "Sources/T/qapi-gen.json")
        var result = try run([
            "-o", "flags", "-p", "fx", "-D", "CONFIG_X", "-u", "--access", "package", "--client", "--mutable-members",
            "qapi/main.json",
        ])
        XCTAssertEqual(result.status, 0, result.err)
        result = try run([
            "--config", package.appendingPathComponent("Sources/T/qapi-gen.json").path,
            "--package-root", package.path, "-o", "configured",
        ])
        XCTAssertEqual(result.status, 0, result.err)
        result = try run(["--config", "Sources/T/qapi-gen.json", "-o", "relative"])
        XCTAssertEqual(result.status, 0, result.err)
        let expected = try contents("flags")
        XCTAssertEqual(try contents("configured"), expected)
        XCTAssertEqual(try contents("relative"), expected)
        XCTAssertTrue(
            String(decoding: expected[QAPIOutputPlan.schema]!, as: UTF8.self).contains(
                "package protocol FxCommandHandler"))
    }

    /// Options the configuration sets are refused beside it.
    func testOptionsTheConfigurationSetsAreRefused() throws {
        let cases: [([String], String)] = [
            (
                ["--config", "c.json", "-p", "x"],
                "-p cannot be combined with --config (the configuration file sets it)"
            ),
            (["--config", "c.json", "-DX"], "-D cannot be combined with --config (the configuration file sets it)"),
            (
                ["--config", "c.json", "--client"],
                "--client cannot be combined with --config (the configuration file sets it)"
            ),
            (
                ["--config", "c.json", "--mutable-members"],
                "--mutable-members cannot be combined with --config (the configuration file sets it)"
            ),
            (
                ["--config", "c.json", "--access", "internal"],
                "--access cannot be combined with --config (the configuration file sets it)"
            ),
            (["--config", "c.json", "-u"], "-u cannot be combined with --config (the configuration file sets it)"),
            (
                ["--config", "c.json", "main.json"],
                "a schema file cannot be combined with --config (the configuration file sets it)"
            ),
            (["--package-root", ".", "main.json"], "--package-root needs --config"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.err.hasPrefix("qapi-gen: error: \(message)\n"), "\(arguments): \(result.err)")
        }
    }

    /// Configuration errors are in compiler form whatever `--diagnostics`
    /// says, and exit 1.
    func testConfigurationErrorsAreInCompilerForm() throws {
        let config = package.appendingPathComponent("Sources/T/qapi-gen.json").path
        var result = try run(["--config", config, "--dump"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.err,
            "\(config): error: missing configuration: a target using QAPIGeneratorPlugin needs a 'qapi-gen.json' "
                + #"file in its source directory, e.g. {"schema": "qapi/qapi-schema.json"}"# + "\n")

        try write(#"{"schema": "qapi/absent.json"}"#, to: "Sources/T/qapi-gen.json")
        result = try run(["--config", config, "--dump"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.err,
            "\(config):1:12: error: key 'schema': schema file 'qapi/absent.json' not found "
                + "(at \(package.path)/qapi/absent.json)\n")

        try write(#"{"schema": "qapi/sub"}"#, to: "Sources/T/qapi-gen.json")
        result = try run(["--config", config, "--dump", "--diagnostics", "qemu"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.err,
            "\(config):1:12: error: key 'schema': schema file 'qapi/sub' is not a readable file (at \(package.path)/qapi/sub)\n"
        )

        try FileManager.default.removeItem(atPath: config)
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: false)
        result = try run(["--config", config, "--dump"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, "\(config): error: cannot read the configuration file: Is a directory\n")
    }

    /// `--dump` and `--introspection` take the schema and symbols from the
    /// configuration too.
    func testOtherActionsUseTheConfiguration() throws {
        try write(#"{"schema": "qapi/main.json", "symbols": ["CONFIG_X"]}"#, to: "qapi-gen.json")
        var result = try TestEnvironment.runQAPIGen(["--config", "qapi-gen.json", "--introspection"], in: package)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(String(decoding: result.standardOutput, as: UTF8.self).contains(#""name": "ping""#))
        result = try TestEnvironment.runQAPIGen(["--config", "qapi-gen.json", "--dump"], in: package)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(String(decoding: result.standardOutput, as: UTF8.self).contains("module sub/more.json"))
    }
}
