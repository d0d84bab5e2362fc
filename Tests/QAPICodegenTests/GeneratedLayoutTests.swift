import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import Testing

/// The layout rules of generated Swift, on QEMU's whole schema with every
/// condition symbol defined and the client on (the most code there is):
/// no line over 120 columns outside the introspection payload, and no
/// raw QAPI `@name` reference left in a doc comment.
@Suite struct GeneratedLayoutTests {
    /// What qapi-gen makes of QEMU's whole schema.
    private func generatedFiles() throws -> [GeneratedFile] {
        let folder = try TestEnvironment.sharedFolder("qemu-10.0.13/qapi")
        let symbols = try TestEnvironment.referenceSymbols(
            TestEnvironment.sharedFile("qemu-10.0.13/reference/introspect-conditions.json"))
        let schema = try QAPICheckedSchema(fileName: folder.appendingPathComponent("qapi-schema.json").path)
        return try QAPISwiftGenerator.generate(
            schema, options: SwiftGeneratorOptions(definedSymbols: Set(symbols), client: true))
    }

    @Test func noLineIsLongerThan120ColumnsOutsideTheIntrospectionPayload() throws {
        var long: [String] = []
        for file in try generatedFiles() where file.name != QAPIOutputPlan.introspection {
            for (index, line) in file.contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.count > 120 {
                long.append("\(file.name):\(index + 1): \(line.prefix(80))...")
            }
        }
        #expect(long.count == 0, "\(long.count) long lines, first: \(long.prefix(5))")
    }

    @Test func docCommentsHoldNoRawQAPIReference() throws {
        let reference = /(^|[^`A-Za-z0-9_.])@[a-z]/
        var raw: [String] = []
        for file in try generatedFiles() {
            for line in file.contents.split(separator: "\n")
            where line.trimmingCharacters(in: .whitespaces).hasPrefix("///") && line.contains(reference) {
                raw.append("\(file.name): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(raw.count == 0, "\(raw.count) raw references, first: \(raw.prefix(5))")
    }
}
