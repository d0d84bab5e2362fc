import Foundation
import QAPICodegen
import XCTest

/// Edits that used to need `Package.swift` touched (SwiftPM plans a build,
/// and runs the plugin, only when the package structure changes) now take
/// effect with plain `swift build`s: a configuration edit, a new include
/// whose file is then edited, and a deleted schema file.
final class PluginNeverStaleTests: XCTestCase {
    /// The generated type files' text, joined.
    private func generatedTypes(_ fixture: PluginFixture) throws -> String {
        try QAPIOutputPlan.types.map {
            try String(contentsOf: fixture.generatedDirectory.appendingPathComponent($0), encoding: .utf8)
        }.joined()
    }

    private func uses(_ types: String, _ fixture: PluginFixture) throws {
        try fixture.write(
            "/// Generated types the target needs.\nlet used: [Any.Type] = [\(types)]\n",
            to: "Sources/Fixture/UsesGenerated.swift")
    }

    private func assertBuilt(
        _ result: PluginFixture.BuildResult, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.status, 0, "build failed:\n\(result.output.suffix(4000))", file: file, line: line)
    }

    func testConfigurationIncludesAndDeletionsTakeEffectWithoutReplanningByHand() throws {
        let fixture = try PluginFixture()
        try fixture.write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        try fixture.write(#"{"schema": "qapi/main.json"}"#, to: "Sources/Fixture/qapi-gen.json")
        try uses("Colour.self", fixture)
        assertBuilt(try fixture.build("first build", replan: true))
        // After a build without the plan cache, SwiftPM plans once more.
        assertBuilt(try fixture.build("settling build"))

        // A configuration edit: qapi-gen reads the file when it runs.
        try fixture.write(#"{"schema": "qapi/main.json", "prefix": "fx"}"#, to: "Sources/Fixture/qapi-gen.json")
        try uses("Colour.self, FxCommands.self", fixture)
        let configured = try fixture.build("build after a configuration edit")
        assertBuilt(configured)
        XCTAssertTrue(configured.generated, "the configuration edit did not re-run qapi-gen")
        XCTAssertFalse(configured.planned, "the configuration edit needed a new plan")

        // A new file, included: generated at once, and the plan is renewed
        // at the next build so that the file becomes an input.
        try fixture.write("{ 'enum': 'Shade', 'data': [ 'dark' ] }\n", to: "qapi/extra.json")
        try fixture.write(
            "{ 'include': 'extra.json' }\n{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        try uses("Colour.self, FxCommands.self, Shade.self", fixture)
        let included = try fixture.build("build after including a new file")
        assertBuilt(included)
        XCTAssertFalse(included.planned)

        // Editing the new file (in place) regenerates.
        try fixture.write(
            "{ 'enum': 'Shade', 'data': [ 'dark' ] }\n{ 'enum': 'Tone', 'data': [ 'low' ] }\n", to: "qapi/extra.json")
        try uses("Colour.self, FxCommands.self, Shade.self, Tone.self", fixture)
        let edited = try fixture.build("build after editing the new file")
        assertBuilt(edited)
        XCTAssertTrue(edited.planned, "no new plan after qapi-gen read an undeclared file")
        XCTAssertTrue(edited.generated, "editing the newly included file did not re-run qapi-gen")
        XCTAssertTrue(try generatedTypes(fixture).contains("enum Tone"))
        // The new plan deleted the request, which SwiftPM sees as one more
        // change of the package structure: the next build plans once more
        // (and, as every plan relinks qapi-gen, runs it once more).
        let settled = try fixture.build("settling build after the new plan")
        assertBuilt(settled)
        XCTAssertTrue(settled.planned)
        let steady = try fixture.build("build without edits")
        assertBuilt(steady)
        XCTAssertFalse(steady.planned)
        XCTAssertFalse(steady.generated)

        // A deleted schema file that the plan still declares: one build
        // fails saying what to do, the next one plans again and succeeds.
        try fixture.write("{ 'enum': 'Colour', 'data': [ 'red' ] }\n", to: "qapi/main.json")
        try FileManager.default.removeItem(atPath: fixture.path("qapi/extra.json"))
        try uses("Colour.self, FxCommands.self", fixture)
        let deleted = try fixture.build("build after deleting the included file")
        XCTAssertNotEqual(deleted.status, 0)
        XCTAssertTrue(
            deleted.output.contains(
                fixture.path("qapi/extra.json") + ": error: this schema file was deleted or renamed after SwiftPM "
                    + "planned the build, which still lists it as an input; the next build plans again, so build once more"
            ),
            deleted.output.suffix(4000).description)
        let again = try fixture.build("build once more")
        assertBuilt(again)
        XCTAssertTrue(again.planned)
        XCTAssertFalse(try generatedTypes(fixture).contains("enum Shade"))
    }
}
