import Foundation
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// `query-qmp-schema` of a monitor core serving commands of the test
/// schema beside its own: by default the type names are masked unless the
/// embedder's schema was generated with `unmask` (`"unmask": true` in its
/// `qapi-gen.json`), and `masksSchemaTypeNames` decides when it is set.
/// Either way the answer is one consistent schema.
final class UnmaskedSchemaServerTests: XCTestCase {
    private static let schemaPath = "Tests/QAPIGeneratedTests/schema/qapi-schema.json"

    /// The test schema's introspection data as `qapi-gen` writes it with
    /// `unmask` and the symbols of the compiled golden files.
    private static func unmaskedSchema() throws -> QMPSchemaIntrospection {
        let arguments = ["--introspection", "--unmask-non-abi-names", "-D", "CONFIG_ALPHA", "-D", "CONFIG_BETA"]
        let result = try TestEnvironment.runQAPIGen(arguments + [schemaPath], in: TestEnvironment.repositoryRoot)
        XCTAssertEqual(result.status, 0, Swift.String(decoding: result.standardError, as: UTF8.self))
        return QMPSchemaIntrospection(json: Swift.String(decoding: result.standardOutput, as: UTF8.self))
    }

    /// The `query-qmp-schema` answer of a core that also serves `ping` and
    /// `add-tool`, described by `schema` (the generated data when nil),
    /// with `masksSchemaTypeNames` set to `masks`.
    private func answer(schema: QMPSchemaIntrospection?, masks: Bool?) async throws -> [JSONValue] {
        let folder = try TestEnvironment.makeShortFolder(prefix: "qapi-unmask")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = MonitorServer(
            configuration: .init(masksSchemaTypeNames: masks) { registry, _ in
                registry.register(Commands.Ping.self) { _ in QAPIEmpty() }
                registry.register(Commands.AddTool.self) { arguments in
                    Item(label: arguments.note ?? arguments.tool.id, branch: .tool(arguments.tool))
                }
                guard let schema else { return }
                for name in [Commands.Ping.name, Commands.AddTool.name] {
                    guard let command = registry[name] else { continue }
                    registry.register(
                        QMPCommand(
                            name: command.name, flags: command.flags, features: command.features, schema: schema,
                            body: command.body))
                }
            })
        let socketPath = folder + "/qmp.sock"
        let answer = Result { () throws -> JSONValue in
            try server.chardevs.add(
                id: "qmp",
                backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
            try server.addMonitor(id: "qmp", chardev: "qmp", mode: .control, pretty: false)
            let client = try QMPTestClient.connect(unix: socketPath)
            _ = try client.readLine()
            XCTAssertEqual(try client.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
            return try JSONValue(parsing: client.execute(#"{"execute": "query-qmp-schema"}"#))
        }
        server.shutdown()
        await server.stopped()
        let value = try answer.get()
        return try XCTUnwrap(value["return"]?.arrayValue, "no return in \(value)")
    }

    /// The names of the types (not commands or events) in `answer`, every
    /// one listed once and every reference resolving.
    private func consistentTypeNames(_ answer: [JSONValue]) -> [Swift.String] {
        let names = answer.compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(Set(names).count, names.count, "a name is listed twice")
        for entry in answer {
            for reference in schemaReferences(entry) {
                XCTAssertTrue(names.contains(reference), "\(reference), used by \(entry["name"] ?? nil), is not listed")
            }
        }
        let commands = answer.filter { $0["meta-type"] == "command" }.compactMap { $0["name"]?.stringValue }
        XCTAssertTrue(commands.contains("ping") && commands.contains("add-tool") && commands.contains("query-status"))
        return answer.filter { $0["meta-type"] != "command" && $0["meta-type"] != "event" }
            .filter { $0["meta-type"] != "builtin" && $0["meta-type"] != "array" }
            .compactMap { $0["name"]?.stringValue }
    }

    private static func isNumber(_ name: Swift.String) -> Bool {
        !name.isEmpty && name.allSatisfy(\.isNumber)
    }

    /// A schema generated with `unmask` shows every type name, the
    /// core's as well as its own.
    func testUnmaskedSchemaShowsTypeNamesByDefault() async throws {
        let names = consistentTypeNames(try await answer(schema: Self.unmaskedSchema(), masks: nil))
        XCTAssertFalse(names.contains(where: Self.isNumber), "masked names in \(names)")
        for name in ["Tool", "Item", "StatusInfo"] { XCTAssertTrue(names.contains(name), name) }
    }

    /// `masksSchemaTypeNames` set to true masks the unmasked schema too.
    func testMaskingSetTrueWins() async throws {
        let names = consistentTypeNames(try await answer(schema: Self.unmaskedSchema(), masks: true))
        XCTAssertTrue(names.allSatisfy(Self.isNumber), "unmasked names in \(names)")
    }

    /// A masked schema beside the core's masked one stays masked.
    func testMaskedSchemaStaysMaskedByDefault() async throws {
        let names = consistentTypeNames(try await answer(schema: nil, masks: nil))
        XCTAssertTrue(names.allSatisfy(Self.isNumber), "unmasked names in \(names)")
    }
}
