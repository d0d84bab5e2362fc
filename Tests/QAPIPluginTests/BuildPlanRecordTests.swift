import Foundation
import QAPICodegen
import QAPITestSupport
import XCTest

/// `qapi-gen`'s side of the build plan record (`QAPIBuildPlanFiles`), run
/// directly: a generation run notes the files it read and asks for a new
/// plan when one is not declared; `--check-build-plan` reports declared
/// files that are gone. (The fixture builds show SwiftPM acting on it.)
final class BuildPlanRecordTests: XCTestCase {
    private var package: URL!
    private var plan: URL { package.appendingPathComponent("plan") }
    private var request: URL {
        plan.appendingPathComponent(QAPIBuildPlanFiles.replanDirectory)
            .appendingPathComponent(QAPIBuildPlanFiles.replanRequest)
    }

    override func setUpWithError() throws {
        package = FileManager.default.temporaryDirectory.appendingPathComponent("qapi-plan-\(UUID().uuidString)")
        try write("{ 'include': 'more.json' }\n{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        try write("{ 'enum': 'Shade', 'data': [ 'dark' ] }\n", to: "qapi/more.json")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: package)
    }

    private func write(_ text: String, to path: String) throws {
        let url = package.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func path(_ relative: String) -> String {
        package.appendingPathComponent(relative).path
    }

    private func declare(_ files: [String]) throws {
        try write(QAPIBuildPlanFiles.listText(files.map(path)), to: "plan/" + QAPIBuildPlanFiles.declaredInputs)
    }

    private func generate() throws -> TestEnvironment.ProcessResult {
        try TestEnvironment.runQAPIGen(
            ["--build-plan", plan.path, "--diagnostics", "compiler", "-o", path("out"), path("qapi/main.json")],
            in: package)
    }

    private func filesRead() throws -> String {
        try String(contentsOf: plan.appendingPathComponent(QAPIBuildPlanFiles.schemaFilesRead), encoding: .utf8)
    }

    func testAnUndeclaredFileAsksForANewPlan() throws {
        try declare(["qapi/main.json"])
        let result = try generate()
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.standardError, Data())
        XCTAssertEqual(try filesRead(), path("qapi/main.json") + "\n" + path("qapi/more.json") + "\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: request.path))
    }

    func testDeclaredFilesNeedNoNewPlan() throws {
        try declare(["qapi/main.json", "qapi/more.json", "qapi/unused.json"])
        XCTAssertEqual(try generate().status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: request.path))
    }

    /// A failing run still notes what it read: an include that cannot be
    /// parsed is a file to watch.
    func testAFailingRunNotesWhatItRead() throws {
        try write("{ 'enum': 'Shade', 'data': [ 'dark' ] \n", to: "qapi/more.json")
        try declare(["qapi/main.json"])
        let result = try generate()
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(String(decoding: result.standardError, as: UTF8.self).hasPrefix(path("qapi/more.json") + ":"))
        XCTAssertEqual(try filesRead(), path("qapi/main.json") + "\n" + path("qapi/more.json") + "\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: request.path))
    }

    func testTheCheckReportsDeclaredFilesThatAreGone() throws {
        try declare(["qapi/main.json", "qapi/gone.json"])
        var result = try TestEnvironment.runQAPIGen(["--check-build-plan", plan.path], in: package)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            String(decoding: result.standardError, as: UTF8.self),
            path("qapi/gone.json") + ": error: this schema file was deleted or renamed after SwiftPM planned the "
                + "build, which still lists it as an input; the next build plans again, so build once more\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: request.path))
        let stamp = plan.appendingPathComponent(QAPIBuildPlanFiles.checkStamp)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stamp.path))

        try declare(["qapi/main.json"])
        result = try TestEnvironment.runQAPIGen(["--check-build-plan", plan.path], in: package)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try String(contentsOf: stamp, encoding: .utf8), QAPIBuildPlanFiles.checkStampContents)
    }
}
