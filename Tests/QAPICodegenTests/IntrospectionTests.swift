import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import XCTest

/// `qapi-gen --introspection` on QEMU's whole schema and on QEMU's
/// `qapi-schema-test.json`, compared as JSON values with the data QEMU's
/// own generator made (`qemu-10.0.13/reference/`).
final class IntrospectionTests: XCTestCase {
    // MARK: QEMU's whole schema

    func testQEMUSchemaMaskedEverySymbolDefined() throws {
        try checkQEMUSchema(unmask: false, allSymbols: true, reference: "introspect-masked-alltrue.json")
    }

    func testQEMUSchemaMaskedNoSymbolDefined() throws {
        try checkQEMUSchema(unmask: false, allSymbols: false, reference: "introspect-masked-allfalse.json")
    }

    func testQEMUSchemaUnmaskedEverySymbolDefined() throws {
        try checkQEMUSchema(unmask: true, allSymbols: true, reference: "introspect-unmasked-alltrue.json")
    }

    func testQEMUSchemaUnmaskedNoSymbolDefined() throws {
        try checkQEMUSchema(unmask: true, allSymbols: false, reference: "introspect-unmasked-allfalse.json")
    }

    // MARK: qapi-schema-test.json

    func testSchemaTestMaskedEverySymbolDefined() throws {
        try checkSchemaTest(unmask: false, allSymbols: true, reference: "introspect-masked-allsymbols.json")
    }

    func testSchemaTestMaskedNoSymbolDefined() throws {
        try checkSchemaTest(unmask: false, allSymbols: false, reference: "introspect-masked-nosymbols.json")
    }

    func testSchemaTestUnmaskedEverySymbolDefined() throws {
        try checkSchemaTest(unmask: true, allSymbols: true, reference: "introspect-unmasked-allsymbols.json")
    }

    func testSchemaTestUnmaskedNoSymbolDefined() throws {
        try checkSchemaTest(unmask: true, allSymbols: false, reference: "introspect-unmasked-nosymbols.json")
    }

    // MARK: Layout and conditions kept

    /// The output is not only the same data: it is the reference text,
    /// byte for byte (keys sorted, Python's separators, one per line).
    func testOutputIsByteIdenticalToReference() throws {
        let reference = try TestEnvironment.sharedFolder("qemu-10.0.13/reference")
        let symbols = try TestEnvironment.referenceSymbols(
            reference.appendingPathComponent("introspect-conditions.json"))
        let result = try runIntrospection(
            schemaFolder: "qemu-10.0.13/qapi", schema: "qapi-schema.json", unmask: false, symbols: symbols)
        let expected = try Data(contentsOf: reference.appendingPathComponent("introspect-masked-alltrue.json"))
        XCTAssertTrue(result == expected, "output differs from introspect-masked-alltrue.json byte for byte")
    }

    /// Without evaluation, conditional elements are `{"if": C, "value": V}`
    /// wrappers exactly where QEMU puts them.
    func testConditionsKeptMatchReference() throws {
        let cases: [(folder: String, schema: String, reference: String)] = [
            ("qemu-10.0.13/qapi", "qapi-schema.json", "qemu-10.0.13/reference"),
            ("qapi-conformance/cases", "qapi-schema-test.json", "qemu-10.0.13/reference/qapi-schema-test"),
        ]
        for item in cases {
            let schema = try loadSchema(folder: item.folder, file: item.schema)
            let reference = try TestEnvironment.sharedFolder(item.reference)
            for (unmask, file) in [(false, "introspect-masked.json"), (true, "introspect-unmasked.json")] {
                let text = QAPIIntrospection.renderJSON(QAPIIntrospection.schemaInfo(for: schema, unmask: unmask))
                let expected = try Data(contentsOf: reference.appendingPathComponent(file))
                if let difference = try JSONCompare.firstDifference(Data(text.utf8), expected) {
                    XCTFail("\(item.schema) vs \(item.reference)/\(file): \(difference)")
                }
            }
        }
    }

    /// Masked numbers map back to the names QEMU's numbering gave.
    func testMaskedNumbersNameTheReferenceTypes() throws {
        let schema = try loadSchema(folder: "qemu-10.0.13/qapi", file: "qapi-schema.json")
        let names = try TestEnvironment.sharedFile("qemu-10.0.13/reference/introspect-masked-names.json")
        guard let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: names)) as? [String: String] else {
            return XCTFail("introspect-masked-names.json is not an object of strings")
        }
        var got: [String: String] = [:]
        for entry in QAPIIntrospection.schemaInfo(for: schema) where Int(entry.name) != nil {
            got[entry.name] = entry.schemaName
        }
        XCTAssertEqual(got, expected)
    }

    // MARK: Helpers

    private func checkQEMUSchema(unmask: Bool, allSymbols: Bool, reference: String) throws {
        let referenceFolder = try TestEnvironment.sharedFolder("qemu-10.0.13/reference")
        let symbols = allSymbols
            ? try TestEnvironment.referenceSymbols(referenceFolder.appendingPathComponent("introspect-conditions.json"))
            : []
        let output = try runIntrospection(
            schemaFolder: "qemu-10.0.13/qapi", schema: "qapi-schema.json", unmask: unmask, symbols: symbols)
        let expected = try Data(contentsOf: referenceFolder.appendingPathComponent(reference))
        if let difference = try JSONCompare.firstDifference(output, expected) {
            XCTFail("qapi-schema.json vs \(reference): \(difference)")
        }
    }

    private func checkSchemaTest(unmask: Bool, allSymbols: Bool, reference: String) throws {
        let referenceFolder = try TestEnvironment.sharedFolder("qemu-10.0.13/reference/qapi-schema-test")
        let symbols = allSymbols
            ? try TestEnvironment.referenceSymbols(referenceFolder.appendingPathComponent("introspect-conditions.json"))
            : []
        let output = try runIntrospection(
            schemaFolder: "qapi-conformance/cases", schema: "qapi-schema-test.json", unmask: unmask, symbols: symbols)
        let expected = try Data(contentsOf: referenceFolder.appendingPathComponent(reference))
        if let difference = try JSONCompare.firstDifference(output, expected) {
            XCTFail("qapi-schema-test.json vs \(reference): \(difference)")
        }
    }

    /// Runs `qapi-gen --introspection` and returns its standard output,
    /// failing on any error output or a non-zero status.
    private func runIntrospection(
        schemaFolder: String, schema: String, unmask: Bool, symbols: [String]
    ) throws -> Data {
        let folder = try TestEnvironment.sharedFolder(schemaFolder)
        var arguments = ["--introspection"]
        if unmask { arguments.append("-u") }
        for symbol in symbols { arguments += ["-D", symbol] }
        arguments.append(schema)
        let result = try TestEnvironment.runQAPIGen(arguments, in: folder)
        XCTAssertEqual(String(decoding: result.standardError, as: UTF8.self), "")
        XCTAssertEqual(result.status, 0)
        return result.standardOutput
    }

    private func loadSchema(folder: String, file: String) throws -> QAPICheckedSchema {
        let url = try TestEnvironment.sharedFolder(folder).appendingPathComponent(file)
        return try QAPICheckedSchema(fileName: url.path)
    }
}
