import QAPIRuntime
import XCTest

/// Whether `QMPCommandRegistry.introspection()` masks type names when
/// the served commands come from several schemas, and that the combined
/// answer stays one schema: each name once, every reference listed.
final class QMPSchemaMaskingTests: XCTestCase {
    /// A masked schema, like the monitor core's: command `a` takes `Foo`
    /// and returns `Foo-1` (masked `0` and `1`).
    private static let core = QMPSchemaIntrospection(
        json: """
            [{"arg-type": "0", "meta-type": "command", "name": "a", "ret-type": "1"},
            {"members": [{"name": "x", "type": "int"}], "meta-type": "object", "name": "0"},
            {"members": [{"name": "y", "type": "int"}], "meta-type": "object", "name": "1"},
            {"json-type": "int", "meta-type": "builtin", "name": "int"}]
            """,
        maskedTypeNames: "Foo\nFoo-1")

    /// An embedder's schema with its own `Foo`, generated with or without
    /// `unmask`: command `b` takes it.
    private static func embedder(unmasked: Bool) -> QMPSchemaIntrospection {
        let foo = unmasked ? "Foo" : "0"
        return QMPSchemaIntrospection(
            json: """
                [{"arg-type": "\(foo)", "meta-type": "command", "name": "b", "ret-type": "\(foo)"},
                {"members": [{"name": "z", "type": "str"}], "meta-type": "object", "name": "\(foo)"},
                {"json-type": "string", "meta-type": "builtin", "name": "str"}]
                """,
            maskedTypeNames: unmasked ? nil : "Foo")
    }

    private func registry(embedderUnmasked: Bool) -> QMPCommandRegistry {
        var registry = QMPCommandRegistry()
        registry.register(QMPCommand(name: "a", schema: Self.core, body: .inBand { _, _ in [:] }))
        let embedder = Self.embedder(unmasked: embedderUnmasked)
        registry.register(QMPCommand(name: "b", schema: embedder, body: .inBand { _, _ in [:] }))
        return registry
    }

    /// The answer's entries by name, after checking it is one schema.
    private func entries(_ answer: JSONValue) -> [String: JSONValue] {
        let list = answer.arrayValue ?? []
        var byName: [String: JSONValue] = [:]
        for entry in list { byName[entry["name"]?.stringValue ?? ""] = entry }
        XCTAssertEqual(byName.count, list.count, "a name is listed twice in \(answer)")
        for entry in list {
            var references = ["arg-type", "ret-type"].compactMap { entry[$0]?.stringValue }
            references += (entry["members"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
            for name in references { XCTAssertNotNil(byName[name], "\(name) is not listed in \(answer)") }
        }
        return byName
    }

    func testMaskedWhenEverySchemaIsMasked() {
        let byName = entries(registry(embedderUnmasked: false).introspection())
        XCTAssertEqual(byName["a"]?["arg-type"], "0")
        XCTAssertEqual(byName["a"]?["ret-type"], "1")
        XCTAssertEqual(byName["b"]?["arg-type"], "2")
        XCTAssertEqual(byName["2"]?["members"], [["name": "z", "type": "str"]])
    }

    /// One unmasked schema unmasks the answer, though the first is masked;
    /// a name taken already gets `-N` (N the schema's position) until it
    /// is free.
    func testUnmaskedWhenOneSchemaIsUnmasked() {
        let byName = entries(registry(embedderUnmasked: true).introspection())
        XCTAssertEqual(byName["a"]?["arg-type"], "Foo")
        XCTAssertEqual(byName["a"]?["ret-type"], "Foo-1")
        XCTAssertEqual(byName["b"]?["arg-type"], "Foo-1-1")
        XCTAssertEqual(byName["Foo-1-1"]?["members"], [["name": "z", "type": "str"]])
        XCTAssertEqual(byName["Foo-1"]?["members"], [["name": "y", "type": "int"]])
    }

    /// `masksSchemaTypeNames`, when set, decides what `query-qmp-schema`
    /// answers, whatever the schemas asked for.
    func testExplicitChoiceWins() async throws {
        for (embedderUnmasked, masks, argumentType) in [(true, true, "2"), (false, false, "Foo-1-1")] {
            var registry = registry(embedderUnmasked: embedderUnmasked)
            registry.register(QMPCommand(name: "query-qmp-schema", body: .schemaQuery))
            registry.masksSchemaTypeNames = masks
            let response = await registry.dispatch(QMPRequest(command: "query-qmp-schema"), policy: QMPDispatchPolicy())
            let answer = try XCTUnwrap(response?.result).get()
            XCTAssertEqual(entries(answer)["b"]?["arg-type"], .string(argumentType))
        }
    }
}
