import Foundation
import QAPICodegen
import XCTest

/// Builds with a valid configuration: the generated files are exactly
/// the declared outputs, schema edits regenerate them and other edits do
/// not, and schema errors reach the build log in compiler form.
final class PluginBuildTests: XCTestCase {
    /// Writes a schema with tricky includes: comments and strings that
    /// look like includes, a member named `include`, a duplicate include,
    /// `..` paths (one out of the schema's folder) and file names with
    /// `_`, `.` and `/`.
    private func writeTrickySchema(_ fixture: PluginFixture) throws {
        try fixture.write(
            """
            # Not an include: { 'include': 'missing-one.json' }
            { 'pragma': { 'member-name-exceptions': [ 'odd#{', 'back\\\\', '#}' ] } }
            { 'include': 'sub/extra_defs.json' }   # a comment
            {'include':'sub/extra_defs.json'}
            { 'include': '../outside.json' }
            { 'struct': 'MainThing',
              'data': { 'include': 'str', 'kind': 'ExtraKind' } }

            """, to: "qapi/main.json")
        try fixture.write(
            """
            { 'include' :
                # between key and value
                '../other.d/deep.json' }
            { 'enum': 'ExtraKind', 'data': [ 'plain', 'fancy' ] }

            """, to: "qapi/sub/extra_defs.json")
        try fixture.write("{ 'struct': 'DeepThing', 'data': { 'n': 'int' } }\n", to: "qapi/other.d/deep.json")
        try fixture.write("{ 'enum': 'OutsideKind', 'data': [ 'one' ] }\n", to: "outside.json")
        try fixture.write(
            """
            {"schema": "qapi/main.json", "prefix": "fx", "symbols": ["CONFIG_X"], "access": "internal"}

            """, to: "Sources/Fixture/qapi-gen.json")
        try fixture.write(
            """
            /// One generated type of every schema module.
            let everyModule: [Any.Type] = [MainThing.self, ExtraKind.self, DeepThing.self, OutsideKind.self]

            """, to: "Sources/Fixture/UsesGenerated.swift")
    }

    /// The files the plugin declares, for any schema.
    private let expectedFiles = Set(QAPIOutputPlan.files)

    /// The modification dates of the generated files, by name.
    private func generatedDates(_ fixture: PluginFixture) throws -> [String: Date] {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.generatedDirectory.path)
        var dates: [String: Date] = [:]
        for name in names where name.hasSuffix(".swift") {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: fixture.generatedDirectory.appendingPathComponent(name).path)
            dates[name] = attributes[.modificationDate] as? Date
        }
        return dates
    }

    /// Generation follows every include once; only schema edits re-run
    /// `qapi-gen`.
    func testGeneratesEveryModuleAndRegeneratesOnlyOnSchemaEdits() throws {
        let fixture = try PluginFixture()
        try writeTrickySchema(fixture)

        let first = try fixture.build("first build", replan: true)
        XCTAssertEqual(first.status, 0, "build failed:\n\(first.output.suffix(4000))")
        XCTAssertTrue(first.generated, "qapi-gen did not run")
        XCTAssertEqual(Set(try generatedDates(fixture).keys), expectedFiles)

        // The first build planned without SwiftPM's plan cache; the next one
        // plans once more (and relinks qapi-gen, so it runs again), this
        // time declaring ../outside.json, which the first run read from
        // outside the schema's folder (so it asked for a new plan).
        let settled = try fixture.build("second build, no edits")
        XCTAssertEqual(settled.status, 0, "build failed:\n\(settled.output.suffix(4000))")
        XCTAssertTrue(settled.planned)
        // That plan deleted the request, one more change of the package
        // structure: the third build plans again (qapi-gen, relinked by
        // every plan, runs again and rewrites nothing).
        let steady = try fixture.build("third build, no edits")
        XCTAssertEqual(steady.status, 0, "build failed:\n\(steady.output.suffix(4000))")
        XCTAssertTrue(steady.planned)
        let generated = try generatedDates(fixture)

        try fixture.write("/// Unrelated to the schema.\nlet fixtureValue = 2\n", to: "Sources/Fixture/Unrelated.swift")
        let unrelated = try fixture.build("build after unrelated edit")
        XCTAssertEqual(unrelated.status, 0, "build failed:\n\(unrelated.output.suffix(4000))")
        XCTAssertFalse(unrelated.generated, "an unrelated edit re-ran qapi-gen")
        XCTAssertEqual(try generatedDates(fixture), generated)

        try fixture.write(
            """
            { 'struct': 'DeepThing', 'data': { 'n': 'int' } }
            { 'enum': 'AddedLater', 'data': [ 'new' ] }

            """, to: "qapi/other.d/deep.json")
        // Edit an existing file only: a new file would change the package
        // structure and make SwiftPM plan the build (and run the plugin) again.
        try fixture.write(
            """
            /// One generated type of every schema module, and one added later.
            let everyModule: [Any.Type] = [MainThing.self, ExtraKind.self, DeepThing.self, OutsideKind.self, AddedLater.self]

            """, to: "Sources/Fixture/UsesGenerated.swift")
        let edited = try fixture.build("build after schema edit")
        XCTAssertEqual(edited.status, 0, "build failed:\n\(edited.output.suffix(4000))")
        XCTAssertTrue(edited.generated, "a schema edit did not re-run qapi-gen")
        let types = try QAPIOutputPlan.types.map {
            try String(contentsOf: fixture.generatedDirectory.appendingPathComponent($0), encoding: .utf8)
        }
        XCTAssertTrue(types.contains { $0.contains("AddedLater") })
    }

    /// A schema error in an included file fails the build with
    /// `FILE:LINE:COL: error: MESSAGE` on that file's line.
    func testSchemaErrorIsReportedInCompilerFormat() throws {
        let fixture = try PluginFixture()
        try fixture.write("{ 'include': 'sub/bad.json' }\n", to: "qapi/main.json")
        try fixture.write(
            """
            { 'enum': 'Fine', 'data': [ 'a' ] }

            { 'struct': 'Broken', 'data': { 'x': 'NoSuchType' } }

            """, to: "qapi/sub/bad.json")
        try fixture.write(#"{"schema": "qapi/main.json"}"#, to: "Sources/Fixture/qapi-gen.json")
        let result = try fixture.build("schema error build", replan: true)
        XCTAssertNotEqual(result.status, 0)
        let pattern =
            "(?m)^" + NSRegularExpression.escapedPattern(for: fixture.path("qapi/sub/bad.json"))
            + ":3:[0-9]+: error: .*NoSuchType"
        XCTAssertNotNil(
            result.output.range(of: pattern, options: .regularExpression),
            "no compiler-format diagnostic for bad.json:3 in:\n\(result.output.suffix(4000))")
    }
}
