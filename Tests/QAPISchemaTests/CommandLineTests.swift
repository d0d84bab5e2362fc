import Foundation
import QAPITestSupport
import XCTest

/// `qapi-gen` as a user meets it: help, usage errors, unreadable files and
/// the two diagnostic renderings.
final class CommandLineTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qapi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(_ arguments: [String]) throws -> (out: String, err: String, status: Int32) {
        let result = try TestEnvironment.runQAPIGen(arguments, in: scratch)
        return (
            String(decoding: result.standardOutput, as: UTF8.self),
            String(decoding: result.standardError, as: UTF8.self), result.status
        )
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: scratch.appendingPathComponent(name))
    }

    func testHelpDescribesUsage() throws {
        let result = try run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.out.hasPrefix("usage: qapi-gen"))
        XCTAssertTrue(result.out.contains("--dump"))
        XCTAssertTrue(result.out.contains("--diagnostics"))
        XCTAssertEqual(result.err, "")
    }

    func testUsageErrorsAreOneLineAndExitTwo() throws {
        for arguments in [[], ["--bogus", "x.json"], ["--diagnostics", "fancy", "x.json"], ["a.json", "b.json"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.err.hasPrefix("qapi-gen: error: "), "\(arguments): \(result.err)")
            XCTAssertEqual(result.out, "")
        }
    }

    func testUnreadableInputsAreClearErrors() throws {
        var result = try run(["missing.json"])
        XCTAssertEqual(result.err, "can't read schema file 'missing.json': No such file or directory\n")
        XCTAssertEqual(result.status, 1)

        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("dir.json"), withIntermediateDirectories: false)
        result = try run(["dir.json"])
        XCTAssertEqual(result.err, "can't read schema file 'dir.json': Is a directory\n")
        XCTAssertEqual(result.status, 1)

        try Data([0x7B, 0x0A, 0x20, 0xC3, 0x28, 0x0A]).write(to: scratch.appendingPathComponent("latin.json"))
        result = try run(["latin.json"])
        XCTAssertEqual(result.err, "latin.json:2:2: invalid UTF-8 byte sequence\n")
        XCTAssertEqual(result.status, 1)
    }

    func testCompilerDiagnosticsNameFileLineColumnAndDefinition() throws {
        try write("{ 'include': 'sub.json' }\n", to: "main.json")
        try write("\n{ 'struct': 'Foo', 'data': { 'a': 'Nope' } }\n", to: "sub.json")

        let qemu = try run(["main.json"])
        XCTAssertEqual(
            qemu.err,
            """
            In file included from main.json:1:
            sub.json: In struct 'Foo':
            sub.json:2: member 'a' uses unknown type 'Nope'

            """)
        XCTAssertEqual(qemu.status, 1)

        let compiler = try run(["--diagnostics", "compiler", "main.json"])
        XCTAssertEqual(
            compiler.err,
            """
            sub.json:2:1: error: member 'a' uses unknown type 'Nope'
            sub.json:2:1: note: in struct 'Foo'
            main.json:1:1: note: in file included from here

            """)
        XCTAssertEqual(compiler.status, 1)
    }

    func testValidSchemaChecksSilentlyAndDumps() throws {
        try write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "ok.json")
        let check = try run(["ok.json"])
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.out + check.err, "")
        let dump = try run(["--dump", "ok.json"])
        XCTAssertTrue(dump.out.hasSuffix("module ok.json\nenum Colour\n    member red\n"), dump.out)
    }

    func testAnUnwritableOutputFileIsOneClearErrorForTheFirstSuchFile() throws {
        try write("{ 'enum': 'Colour', 'data': ['red'] }\n", to: "ok.json")
        // Two output files that cannot be written, written at the same
        // time: the error names the first in the output's order.
        for name in ["qapi-events.swift", "qapi-types-3.swift"] {
            try FileManager.default.createDirectory(
                at: scratch.appendingPathComponent("out/\(name)"), withIntermediateDirectories: true)
        }
        let result = try run(["-o", "out", "ok.json"])
        XCTAssertEqual(result.err, "qapi-gen: error: cannot write 'out/qapi-types-3.swift': Is a directory\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out/qapi-commands.swift").path))
    }
}
