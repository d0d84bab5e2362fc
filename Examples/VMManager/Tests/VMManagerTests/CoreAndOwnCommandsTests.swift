import QAPIRuntime
import XCTest

/// The monitor core's commands and vm-manager's, served side by side
/// and described as one schema.
final class CoreAndOwnCommandsTests: VMManagerServerTestCase {
    /// The commands of `qapi/vm-manager.json`, in schema order.
    private let ownCommands = ["vm-create", "vm-start", "vm-stop", "vm-delete", "query-vms"]
    /// Some of the core's commands.
    private let coreCommands = [
        "qmp_capabilities", "query-version", "query-commands", "query-qmp-schema", "quit", "chardev-add",
        "chardev-remove", "query-chardev", "monitor-add", "monitor-remove", "query-monitors",
    ]

    /// The names in a `query-commands` answer, in order.
    private func commandNames(_ client: QMPLineClient) throws -> [String] {
        try client.result(#"{"execute": "query-commands"}"#).arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    /// `query-commands` lists the core's commands, then the own ones, each once.
    func testQueryCommandsListsCoreAndOwnCommands() throws {
        let names = try commandNames(try connect())
        XCTAssertEqual(Set(names).count, names.count, "a command is listed twice: \(names)")
        XCTAssertEqual(Array(names.suffix(ownCommands.count)), ownCommands)
        for name in coreCommands { XCTAssertTrue(names.contains(name), "\(name) missing from \(names)") }
    }

    /// `query-qmp-schema` describes exactly the served commands, both
    /// schemas' events, and exactly the types they reach: no name twice,
    /// no reference to a type that is not there, no type nothing reaches;
    /// and the own commands' types are the schema's.
    func testQueryQmpSchemaDescribesBothSchemasConsistently() throws {
        let client = try connect()
        let served = try commandNames(client)
        let entries = try client.result(#"{"execute": "query-qmp-schema"}"#).arrayValue ?? []
        var byName: [String: JSONValue] = [:]
        for entry in entries {
            let name = entry["name"]?.stringValue ?? ""
            XCTAssertNil(byName.updateValue(entry, forKey: name), "\(name) is listed twice")
        }
        func metaType(_ entry: JSONValue) -> String { entry["meta-type"]?.stringValue ?? "" }
        let commands = entries.filter { metaType($0) == "command" }.compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(Set(commands), Set(served))
        let events = Set(entries.filter { metaType($0) == "event" }.compactMap { $0["name"]?.stringValue })
        XCTAssertTrue(events.isSuperset(of: ["SHUTDOWN", "VM_STATE_CHANGED"]), "events: \(events)")

        // Every reference resolves; every type is reached from a command or event.
        func references(_ entry: JSONValue) -> [String] {
            let direct = ["arg-type", "ret-type", "element-type"].compactMap { entry[$0]?.stringValue }
            let listed = ["members", "variants"].flatMap { key in
                (entry[key]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
            }
            return direct + listed
        }
        var reached = Set<String>()
        var work = entries.filter { ["command", "event"].contains(metaType($0)) }.flatMap(references)
        while let name = work.popLast() {
            guard reached.insert(name).inserted else { continue }
            guard let entry = byName[name] else {
                XCTFail("type \(name) is referenced but not described")
                continue
            }
            work += references(entry)
        }
        let types = Set(
            entries.filter { !["command", "event"].contains(metaType($0)) }.compactMap { $0["name"]?.stringValue })
        XCTAssertEqual(types.subtracting(reached), [], "types that nothing reaches")

        // vm-create, resolved through the (masked) type names.
        let create = try XCTUnwrap(byName["vm-create"])
        let arguments = try XCTUnwrap(byName[create["arg-type"]?.stringValue ?? ""])
        XCTAssertEqual(
            arguments["members"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["name", "memory", "vcpus"])
        XCTAssertEqual(arguments["members"]?.arrayValue?.map { $0["default"] != nil }, [false, true, true])
        let info = try XCTUnwrap(byName[create["ret-type"]?.stringValue ?? ""])
        XCTAssertEqual(
            info["members"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["name", "state", "memory", "vcpus"])
        let state = try XCTUnwrap(byName[info["members"]?.arrayValue?[1]["type"]?.stringValue ?? ""])
        XCTAssertEqual(state["values"], ["created", "booting", "running", "stopped"])
        let query = try XCTUnwrap(byName["query-vms"])
        let list = try XCTUnwrap(byName[query["ret-type"]?.stringValue ?? ""])
        XCTAssertEqual(list["element-type"]?.stringValue, create["ret-type"]?.stringValue)
        let event = try XCTUnwrap(byName["VM_STATE_CHANGED"])
        let payload = try XCTUnwrap(byName[event["arg-type"]?.stringValue ?? ""])
        XCTAssertEqual(payload["members"]?.arrayValue?[1]["type"], info["members"]?.arrayValue?[1]["type"])
    }

    /// The core's commands work beside the own ones: `query-version`
    /// reports vm-manager, and a monitor added with `chardev-add` and
    /// `monitor-add` serves the own commands too.
    func testCoreCommandsServeBesideOwnOnes() throws {
        let client = try connect()
        XCTAssertEqual(
            try client.result(#"{"execute": "query-version"}"#),
            ["qemu": ["major": 1, "minor": 0, "micro": 0], "package": "vm-manager"])
        let extraPath = folder + "/extra.sock"
        let addChardev = """
            {"execute": "chardev-add", "arguments": {"id": "extra", "backend": {"type": "socket", "data": \
            {"addr": {"type": "unix", "data": {"path": "\(extraPath)"}}, "server": true, "wait": false}}}}
            """
        XCTAssertEqual(try client.result(addChardev), [:])
        XCTAssertEqual(
            try client.result(#"{"execute": "monitor-add", "arguments": {"id": "extra-mon", "chardev": "extra"}}"#), [:]
        )
        let second = try QMPLineClient(unix: extraPath)
        XCTAssertNotNil(try second.next()["QMP"])
        _ = try second.result(#"{"execute": "qmp_capabilities"}"#)
        _ = try client.result(#"{"execute": "vm-create", "arguments": {"name": "web"}}"#)
        XCTAssertEqual(try second.result(#"{"execute": "query-vms"}"#).arrayValue?.count, 1)
    }
}
