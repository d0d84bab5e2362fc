import Foundation
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// A monitor core that serves three commands of the test schema,
/// registered one by one with closures (no `CommandHandler`): the
/// others are not found, and `query-commands` and `query-qmp-schema`
/// show the core's commands and exactly these three.
final class SubsetServerTests: XCTestCase {
    /// The test schema's commands served: an in-band one without and one
    /// with arguments and result, and an `allow-oob` one.
    private static let served = ["ping", "add-tool", "interrupt"]

    private var server: MonitorServer!
    private var folder = ""
    private var client: QMPTestClient!

    override func setUpWithError() throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qapi-subset")
        server = MonitorServer(
            configuration: .init(masksSchemaTypeNames: false) { registry, _ in
                registry.register(Commands.Ping.self) { _ in QAPIEmpty() }
                registry.register(Commands.AddTool.self) { arguments in
                    Item(label: arguments.note ?? arguments.tool.id, branch: .tool(arguments.tool))
                }
                registry.register(Commands.Interrupt.self) { _ in QAPIEmpty() }
            })
        let socketPath = folder + "/qmp.sock"
        try server.chardevs.add(
            id: "qmp",
            backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
        try server.addMonitor(id: "qmp", chardev: "qmp", mode: .control, pretty: false)
        client = try QMPTestClient.connect(unix: socketPath)
        _ = try client.readLine()
        XCTAssertEqual(
            try client.execute(#"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#),
            #"{"return": {}}"#)
    }

    override func tearDown() async throws {
        client = nil
        server.shutdown()
        await server.stopped()
        server = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The `return` value of `request`.
    private func result(_ request: Swift.String) throws -> JSONValue {
        let answer = try JSONValue(parsing: client.execute(request))
        return try XCTUnwrap(answer["return"], "no return in \(answer)")
    }

    /// The core's commands and the type names of its `query-qmp-schema`
    /// answer (unmasked): those of a server with no commands of its own.
    private func core() async -> (commands: [Swift.String], types: Set<Swift.String>) {
        let plain = MonitorServer()
        let commands = plain.registry.commands.map(\.name)
        let types =
            plain.registry.introspection(masked: false).arrayValue?
            .filter { $0["meta-type"] != "command" && $0["meta-type"] != "event" }
            .compactMap { $0["name"]?.stringValue } ?? []
        plain.shutdown()
        await plain.stopped()
        return (commands, Set(types))
    }

    func testServedCommandsRunAndOthersAreNotFound() throws {
        XCTAssertEqual(try client.execute(#"{"execute": "ping", "id": 1}"#), #"{"return": {}, "id": 1}"#)
        XCTAssertEqual(
            try result(#"{"execute": "add-tool", "arguments": {"tool": {"id": "saw", "weight": 3}}}"#),
            ["kind": "tool", "label": "saw", "id": "saw", "weight": 3])
        XCTAssertEqual(try client.execute(#"{"exec-oob": "interrupt", "id": "o"}"#), #"{"return": {}, "id": "o"}"#)
        for name in ["ping-empty", "pick-setting", "slow-sum", "oob-anytime", "hand-written"] {
            XCTAssertEqual(
                try client.execute(#"{"execute": "\#(name)", "id": 2}"#),
                #"{"id": 2, "error": {"class": "CommandNotFound", "desc": "The command \#(name) has not been found"}}"#)
        }
    }

    func testQueryCommandsListsTheCoreAndTheServedCommandsOnly() async throws {
        let listed = try result(#"{"execute": "query-commands"}"#).arrayValue?.compactMap { $0["name"]?.stringValue }
        let core = await core()
        XCTAssertEqual(listed, core.commands + Self.served)
    }

    /// The answer lists the served commands and exactly the test-schema
    /// types that they or the test schema's events reach: a type reached
    /// only from an unserved command (`Setting`, from `pick-setting`) is
    /// left out, and every reference resolves.
    func testQueryQmpSchemaDescribesTheServedCommandsOnly() async throws {
        let answer = try result(#"{"execute": "query-qmp-schema"}"#).arrayValue ?? []
        let names = Set(answer.compactMap { $0["name"]?.stringValue })
        XCTAssertEqual(names.count, answer.count, "a name is listed twice")
        let commands = answer.filter { $0["meta-type"] == "command" }.compactMap { $0["name"]?.stringValue }
        let core = await core()
        XCTAssertEqual(Set(commands), Set(core.commands + Self.served))
        for entry in answer {
            for reference in schemaReferences(entry) {
                XCTAssertTrue(names.contains(reference), "\(reference), used by \(entry["name"] ?? nil), is not listed")
            }
        }

        // The test schema's own view, computed from its full data.
        let schema = Introspection.schema
        let full = schema.entries
        let realName: (Swift.String) -> Swift.String = { name in Self.realName(name, schema.typeNames ?? []) }
        var byName: [Swift.String: JSONValue] = [:]
        for entry in full { byName[entry["name"]?.stringValue ?? ""] = entry }
        let roots = full.filter { entry in
            entry["meta-type"] == "event"
                || (entry["meta-type"] == "command" && Self.served.contains(entry["name"]?.stringValue ?? ""))
        }
        var reached = Set<Swift.String>()
        var work = roots.flatMap(schemaReferences)
        while let name = work.popLast() {
            guard reached.insert(name).inserted, let entry = byName[name] else { continue }
            work += schemaReferences(entry)
        }
        let allTypes = Set(
            full.filter { $0["meta-type"] != "command" && $0["meta-type"] != "event" }
                .compactMap { $0["name"]?.stringValue })
        let expected = Set(reached.map(realName))
        let unreached = Set(allTypes.subtracting(reached).map(realName))
        XCTAssertTrue(unreached.contains("Setting"), "the test needs a type that only unserved commands reach")
        XCTAssertFalse(core.types.contains("Setting"))
        XCTAssertTrue(expected.contains("Tool") && expected.contains("Item"))
        for name in expected { XCTAssertTrue(names.contains(name), "\(name) is reached but not listed") }
        // A name the core's schema uses as well (`str`, `[str]`) is the core's.
        for name in unreached.subtracting(core.types) {
            XCTAssertFalse(names.contains(name), "\(name) is listed, but only unserved commands use it")
        }
    }

    /// The real name behind masked name `name` (`"12"`, `"[12]"`).
    private static func realName(_ name: Swift.String, _ typeNames: [Swift.String]) -> Swift.String {
        if name.hasPrefix("["), name.hasSuffix("]") {
            return "[" + realName(Swift.String(name.dropFirst().dropLast()), typeNames) + "]"
        }
        guard let number = Int(name), typeNames.indices.contains(number) else { return name }
        return typeNames[number]
    }
}
