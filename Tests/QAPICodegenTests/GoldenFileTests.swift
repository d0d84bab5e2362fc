import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import Testing

/// The generated Swift, checked in: what `qapi-gen -o` makes of the
/// project's schema (`qapi/`) and of the workshop schema that
/// `QAPIGeneratedTests` compiles (it compiles these very files). A change
/// to an emitter shows in review as the change in generated code it
/// causes.
///
/// A mismatch prints a unified diff. `QAPI_RECORD=1 swift test --filter
/// GoldenFileTests` rewrites the files, and fails while recording, so a
/// recording run is never mistaken for a passing one.
@Suite struct GoldenFileTests {
    /// One schema with the options its build uses.
    struct Schema: CustomStringConvertible, Sendable {
        /// The folder under `Golden/`.
        let folder: String
        /// The main schema file, relative to the repository root.
        let path: String
        /// The generator options (those of the target's `qapi-gen.json`).
        let options: SwiftGeneratorOptions

        var description: String { folder }
    }

    static let schemas = [
        // QMPClientGeneratedTests' options (QMPMonitorSchema's, with the client).
        Schema(
            folder: "qapi", path: "qapi/qapi-schema.json",
            options: SwiftGeneratorOptions(access: .package, client: true)),
        Schema(
            folder: "workshop", path: "Tests/QAPIGeneratedTests/schema/qapi-schema.json",
            options: SwiftGeneratorOptions(
                definedSymbols: ["CONFIG_ALPHA", "CONFIG_BETA"], access: .internal, client: true)),
    ]

    static let goldenDirectory = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/QAPICodegenTests/Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["QAPI_RECORD"] == "1" }

    @Test("generated Swift matches the checked-in files", arguments: schemas)
    func generatedSwiftMatchesGoldenFiles(_ schema: Schema) throws {
        let parsed = try QAPICheckedSchema(
            fileName: TestEnvironment.repositoryRoot.appendingPathComponent(schema.path).path)
        let files = try QAPISwiftGenerator.generate(parsed, options: schema.options)
        let folder = Self.goldenDirectory.appendingPathComponent(schema.folder)
        if Self.isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                try file.contents.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
            Issue.record("recorded \(files.count) golden files in \(folder.path); run again without QAPI_RECORD=1")
            return
        }
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("missing golden file \(url.path); record with QAPI_RECORD=1")
                continue
            }
            if expected != file.contents {
                Issue.record(
                    "\(schema.folder)/\(file.name) differs from the generated Swift:\n\(UnifiedDiff.between(expected, file.contents))"
                )
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(Set(names) == Set(files.map(\.name)), "stray files in \(folder.path)")
    }
}
