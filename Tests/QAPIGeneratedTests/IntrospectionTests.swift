import Foundation
import QAPIRuntime
import QAPITestSupport
import XCTest

/// The generated `Introspection.schema` against `qapi-gen --introspection`
/// run on the same schema with the same options (those the golden files
/// this target compiles were generated with: `GoldenFileTests.schemas`),
/// and the effect of the 'if' conditions on it.
final class IntrospectionTests: XCTestCase {
    private static let schemaPath = "Tests/QAPIGeneratedTests/schema/qapi-schema.json"
    private static let symbols = ["CONFIG_ALPHA", "CONFIG_BETA"]

    /// The schema entries, each by its name.
    private func entries() -> [Swift.String: JSONValue] {
        var result: [Swift.String: JSONValue] = [:]
        for entry in Introspection.schema.value.arrayValue ?? [] {
            if let name = entry["name"]?.stringValue { result[name] = entry }
        }
        return result
    }

    func testMatchesWhatQAPIGenPrints() throws {
        var arguments = ["--introspection"]
        for symbol in Self.symbols { arguments += ["-D", symbol] }
        arguments.append(Self.schemaPath)
        let result = try TestEnvironment.runQAPIGen(arguments, in: TestEnvironment.repositoryRoot)
        XCTAssertEqual(result.status, 0, Swift.String(decoding: result.standardError, as: UTF8.self))
        let printed = try JSONValue(parsing: Array(result.standardOutput))
        XCTAssertEqual(Introspection.schema.value, printed)
        XCTAssertEqual(try JSONValue(parsing: Introspection.schema.json), printed)
        XCTAssertEqual(Introspection.schema.value.arrayValue?.count, printed.arrayValue?.count)
    }

    func testConditionsDecideWhatIsListed() {
        let entries = entries()
        for name in [
            "cond-on", "cond-not-any", "cond-args", "cond-boxed", "cond-alternate", "COND_EVENT", "COND_EVENT_ANY",
        ] {
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

    /// Type names are masked to numbers; the table behind the numbers
    /// gives the real names back.
    func testTypeNamesAreMaskedAndTheirRealNamesKept() throws {
        let entries = entries()
        XCTAssertNil(entries["Tool"])
        XCTAssertNil(entries["Item"])
        XCTAssertTrue(Introspection.schema.isMasked)
        let names = try XCTUnwrap(Introspection.schema.typeNames)
        let inspect = try XCTUnwrap(entries["inspect"]?["ret-type"]?.stringValue)
        XCTAssertEqual(names[try XCTUnwrap(Int(inspect))], "Tool")
        // Builtin types keep their names.
        XCTAssertEqual(entries["int"]?["json-type"], "int")
        XCTAssertEqual(entries["str"]?["json-type"], "string")
    }
}
