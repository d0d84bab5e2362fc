import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import Testing

/// `qapi-gen --introspection` on QEMU's whole schema and on QEMU's
/// `qapi-schema-test.json`, compared as JSON values with the data QEMU's
/// own generator made (`qemu-10.0.13/reference/`). Each comparison is a
/// test case of its own; without `../shared` they are skipped, or fail
/// with `QAPI_REQUIRE_SHARED=1`.
@Suite struct IntrospectionTests {
    /// One schema, and the reference folder holding what QEMU made of it.
    struct Source: CustomTestStringConvertible, Sendable {
        /// The shared folder holding the schema.
        let schemaFolder: String
        /// The main schema file in `schemaFolder`.
        let schema: String
        /// The shared folder holding QEMU's introspection data for it.
        let referenceFolder: String

        var testDescription: String { schema }

        static let qemu = Source(
            schemaFolder: "qemu-10.0.13/qapi", schema: "qapi-schema.json", referenceFolder: "qemu-10.0.13/reference")
        static let schemaTest = Source(
            schemaFolder: "qapi-conformance/cases", schema: "qapi-schema-test.json",
            referenceFolder: "qemu-10.0.13/reference/qapi-schema-test")

        /// Both sources, once their folders are known to be there: an
        /// argument list that skips (or fails, when required) without
        /// `../shared`.
        static func present() throws -> [Source] {
            for source in [qemu, schemaTest] {
                _ = try TestEnvironment.sharedFolder(source.schemaFolder)
                _ = try TestEnvironment.sharedFolder(source.referenceFolder)
            }
            return [qemu, schemaTest]
        }
    }

    /// `qapi-gen --introspection` with one choice of `-u` and `-D`, and
    /// the reference file it must equal.
    struct Comparison: CustomTestStringConvertible, Sendable {
        let source: Source
        /// Whether `-u` (unmask) is given.
        let unmask: Bool
        /// Whether every symbol of the reference's `introspect-conditions.json`
        /// is defined (`-D`), or none.
        let allSymbols: Bool
        /// The reference file in `source.referenceFolder`.
        let reference: String

        var testDescription: String { "\(source.schema) vs \(reference)" }

        /// Four comparisons per source, with QEMU's names for the files.
        static func all() throws -> [Comparison] {
            _ = try Source.present()
            return [
                Comparison(source: .qemu, unmask: false, allSymbols: true, reference: "introspect-masked-alltrue.json"),
                Comparison(
                    source: .qemu, unmask: false, allSymbols: false, reference: "introspect-masked-allfalse.json"),
                Comparison(
                    source: .qemu, unmask: true, allSymbols: true, reference: "introspect-unmasked-alltrue.json"),
                Comparison(
                    source: .qemu, unmask: true, allSymbols: false, reference: "introspect-unmasked-allfalse.json"),
                Comparison(
                    source: .schemaTest, unmask: false, allSymbols: true, reference: "introspect-masked-allsymbols.json"
                ),
                Comparison(
                    source: .schemaTest, unmask: false, allSymbols: false, reference: "introspect-masked-nosymbols.json"
                ),
                Comparison(
                    source: .schemaTest, unmask: true, allSymbols: true,
                    reference: "introspect-unmasked-allsymbols.json"),
                Comparison(
                    source: .schemaTest, unmask: true, allSymbols: false,
                    reference: "introspect-unmasked-nosymbols.json"),
            ]
        }
    }

    @Test("qapi-gen --introspection gives QEMU's data", arguments: try Comparison.all())
    func introspectionMatchesReference(_ comparison: Comparison) throws {
        let referenceFolder = try TestEnvironment.sharedFolder(comparison.source.referenceFolder)
        let symbols =
            comparison.allSymbols
            ? try TestEnvironment.referenceSymbols(referenceFolder.appendingPathComponent("introspect-conditions.json"))
            : []
        let output = try runIntrospection(comparison.source, unmask: comparison.unmask, symbols: symbols)
        let expected = try Data(contentsOf: referenceFolder.appendingPathComponent(comparison.reference))
        let difference = try JSONCompare.firstDifference(output, expected)
        #expect(difference == nil, "\(comparison.testDescription): \(difference ?? "")")
    }

    /// The output is not only the same data: it is the reference text,
    /// byte for byte (keys sorted, Python's separators, one per line).
    @Test("the output is the reference text byte for byte")
    func outputIsByteIdenticalToReference() throws {
        let reference = try TestEnvironment.sharedFolder(Source.qemu.referenceFolder)
        let symbols = try TestEnvironment.referenceSymbols(
            reference.appendingPathComponent("introspect-conditions.json"))
        let result = try runIntrospection(.qemu, unmask: false, symbols: symbols)
        let expected = try Data(contentsOf: reference.appendingPathComponent("introspect-masked-alltrue.json"))
        let sameBytes = result == expected
        #expect(sameBytes, "output differs from introspect-masked-alltrue.json byte for byte")
    }

    /// Without evaluation, conditional elements are `{"if": C, "value": V}`
    /// wrappers exactly where QEMU puts them.
    @Test(
        "conditions kept are where QEMU puts them", arguments: try Source.present(), [false, true])
    func conditionsKeptMatchReference(_ source: Source, unmask: Bool) throws {
        let schema = try loadSchema(source)
        let reference = try TestEnvironment.sharedFolder(source.referenceFolder)
        let file = unmask ? "introspect-unmasked.json" : "introspect-masked.json"
        let text = QAPIIntrospection.renderJSON(QAPIIntrospection.schemaInfo(for: schema, unmask: unmask))
        let expected = try Data(contentsOf: reference.appendingPathComponent(file))
        let difference = try JSONCompare.firstDifference(Data(text.utf8), expected)
        #expect(difference == nil, "\(source.schema) vs \(source.referenceFolder)/\(file): \(difference ?? "")")
    }

    /// Masked numbers map back to the names QEMU's numbering gave.
    @Test("masked numbers name the reference types")
    func maskedNumbersNameTheReferenceTypes() throws {
        let schema = try loadSchema(.qemu)
        let names = try TestEnvironment.sharedFile("qemu-10.0.13/reference/introspect-masked-names.json")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: names)) as? [String: String],
            "introspect-masked-names.json is not an object of strings")
        var got: [String: String] = [:]
        for entry in QAPIIntrospection.schemaInfo(for: schema) where Int(entry.name) != nil {
            got[entry.name] = entry.schemaName
        }
        #expect(got == expected)
    }

    // MARK: Helpers

    /// Runs `qapi-gen --introspection` and returns its standard output,
    /// failing on any error output or a non-zero status.
    private func runIntrospection(_ source: Source, unmask: Bool, symbols: [String]) throws -> Data {
        let folder = try TestEnvironment.sharedFolder(source.schemaFolder)
        var arguments = ["--introspection"]
        if unmask { arguments.append("-u") }
        for symbol in symbols { arguments += ["-D", symbol] }
        arguments.append(source.schema)
        let result = try TestEnvironment.runQAPIGen(arguments, in: folder)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "")
        #expect(result.status == 0)
        return result.standardOutput
    }

    private func loadSchema(_ source: Source) throws -> QAPICheckedSchema {
        let url = try TestEnvironment.sharedFolder(source.schemaFolder).appendingPathComponent(source.schema)
        return try QAPICheckedSchema(fileName: url.path)
    }
}
