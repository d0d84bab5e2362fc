import Foundation
import QAPIRuntime
import QAPITestSupport
import XCTest

/// The generated `Introspection.schema` against `qapi-gen --introspection`
/// run on the same schema with the same options (this target's
/// qapi-gen.json), and the effect of the 'if' conditions on it.
final class IntrospectionTests: XCTestCase {
    private static let targetDirectory = "Tests/QAPIGeneratedTests"

    /// The target's generator configuration.
    private func configuration() throws -> JSONValue {
        let url = TestEnvironment.repositoryRoot.appendingPathComponent(Self.targetDirectory + "/qapi-gen.json")
        return try JSONValue(parsing: Array(Data(contentsOf: url)))
    }

    /// The schema entries, each by its name.
    private func entries() -> [Swift.String: JSONValue] {
        var result: [Swift.String: JSONValue] = [:]
        for entry in Introspection.schema.value.arrayValue ?? [] {
            if let name = entry["name"]?.stringValue { result[name] = entry }
        }
        return result
    }

    func testMatchesWhatQAPIGenPrints() throws {
        let config = try configuration()
        guard let schema = config["schema"]?.stringValue else { return XCTFail("no 'schema' in qapi-gen.json") }
        var arguments = ["--introspection"]
        for symbol in config["symbols"]?.arrayValue ?? [] {
            guard let name = symbol.stringValue else { return XCTFail("non-string symbol \(symbol)") }
            arguments += ["-D", name]
        }
        if config["unmask"]?.boolValue == true { arguments.append("-u") }
        arguments.append(schema)
        let result = try TestEnvironment.runQAPIGen(arguments, in: TestEnvironment.repositoryRoot)
        XCTAssertEqual(result.status, 0, Swift.String(decoding: result.standardError, as: UTF8.self))
        let printed = try JSONValue(parsing: Array(result.standardOutput))
        XCTAssertEqual(Introspection.schema.value, printed)
        XCTAssertEqual(try JSONValue(parsing: Introspection.schema.json), printed)
        XCTAssertEqual(Introspection.schema.value.arrayValue?.count, printed.arrayValue?.count)
    }

    func testConditionsDecideWhatIsListed() {
        let entries = entries()
        for name in ["cond-on", "cond-not-any", "cond-args", "cond-boxed", "cond-alternate", "COND_EVENT", "COND_EVENT_ANY"] {
            XCTAssertNotNil(entries[name], name)
        }
        for name in ["cond-off", "COND_EVENT_OFF"] {
            XCTAssertNil(entries[name], name)
        }
        // Commands written by hand are listed like any other.
        XCTAssertEqual(entries["hand-written"]?["meta-type"], "command")
        XCTAssertEqual(entries["query-qmp-schema"]?["meta-type"], "command")
    }

    func testCommandEntries() {
        let entries = entries()
        XCTAssertEqual(entries["interrupt"]?["allow-oob"], true)
        XCTAssertEqual(entries["oob-anytime"]?["allow-oob"], true)
        XCTAssertNil(entries["ping"]?["allow-oob"])
        XCTAssertNil(entries["early-setup"]?["allow-oob"])
        XCTAssertEqual(entries["old-way"]?["features"], ["deprecated"])
        XCTAssertEqual(entries["new-way"]?["features"], ["unstable", "workshop-note"])
        XCTAssertEqual(entries["cond-features"]?["features"], ["unstable", "workshop-note"])
        XCTAssertEqual(entries["OLD_EVENT"]?["features"], ["deprecated"])
        XCTAssertEqual(entries["__ORG.EXAMPLE_FLASH"]?["meta-type"], "event")
        XCTAssertEqual(entries["import"]?["meta-type"], "command")
        XCTAssertEqual(entries["legacy_ping"]?["meta-type"], "command")
    }

    func testTypeNamesAreMaskedUnlessConfiguredOtherwise() throws {
        let unmasked = try configuration()["unmask"]?.boolValue == true
        let entries = entries()
        XCTAssertEqual(entries["Tool"] != nil, unmasked)
        XCTAssertEqual(entries["Item"] != nil, unmasked)
        // Builtin types keep their names.
        XCTAssertEqual(entries["int"]?["json-type"], "int")
        XCTAssertEqual(entries["str"]?["json-type"], "string")
    }
}
