import Foundation
import QAPICodegen
import XCTest

/// A target using the plugin with nothing but its `qapi-gen.json`:
/// SwiftPM leaves a target without source files out of the build (with a
/// warning) and never runs the plugin for it, so the plugin, running for
/// another target, fails the build saying what to add.
final class PluginSourcelessTargetTests: XCTestCase {
    func testATargetWithoutSwiftFilesIsReportedAndWorksOnceItHasOne() throws {
        let fixture = try PluginFixture(extraTargets: ["Bare"])
        try fixture.write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        try fixture.write(#"{"schema": "qapi/main.json"}"#, to: "Sources/Fixture/qapi-gen.json")
        try fixture.write(#"{"schema": "qapi/main.json", "prefix": "bare"}"#, to: "Sources/Bare/qapi-gen.json")

        let bare = try fixture.build("build with a target without Swift files", replan: true)
        XCTAssertNotEqual(bare.status, 0)
        XCTAssertTrue(
            bare.output.contains("Source files for target Bare should be located under"),
            "SwiftPM no longer warns about a target without sources:\n\(bare.output.suffix(3000))")
        let expected =
            "error: \(fixture.path("Sources/Bare/qapi-gen.json")): target 'Bare' has no Swift source file, "
            + "so SwiftPM leaves it out of the build (it warns 'Source files for target Bare should be located "
            + "under ...') and QAPIGeneratorPlugin never runs for it; add one, e.g. an empty "
            + fixture.path("Sources/Bare/Bare.swift")
        XCTAssertTrue(bare.output.contains(expected), "expected '\(expected)' in:\n\(bare.output.suffix(3000))")

        try fixture.write("", to: "Sources/Bare/Bare.swift")
        let fixed = try fixture.build("build once the target has a Swift file")
        XCTAssertEqual(fixed.status, 0, "build failed:\n\(fixed.output.suffix(4000))")
        let schema = try String(
            contentsOf: fixture.generatedDirectory(for: "Bare").appendingPathComponent(QAPIOutputPlan.schema),
            encoding: .utf8)
        XCTAssertTrue(schema.contains("enum BareCommands"))
    }
}
