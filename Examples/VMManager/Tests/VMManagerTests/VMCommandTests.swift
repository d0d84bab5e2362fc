import QAPIRuntime
import VMManager
import XCTest

/// vm-manager's own commands and event over QMP, decoded with the types
/// generated from `qapi/vm-manager.json`.
final class VMCommandTests: VMManagerServerTestCase {
    /// The `VM_STATE_CHANGED` events among `events`, decoded.
    private func stateChanges(_ events: [JSONValue]) throws -> [Events.VmStateChanged] {
        try events.map { event in
            XCTAssertEqual(event["event"], "VM_STATE_CHANGED")
            XCTAssertNotNil(event["timestamp"]?["seconds"]?.int64Value)
            return try QAPIDecoder.decode(from: event["data"] ?? .null)
        }
    }

    /// A machine's whole life: create (defaults filled in), start (two
    /// events before the answer: the handler awaited the boot), query,
    /// stop, start again, and delete once stopped.
    func testLifeOfAMachine() throws {
        let client = try connect()
        let created: VMInfo = try QAPIDecoder.decode(
            from: client.result(#"{"execute": "vm-create", "arguments": {"name": "web", "vcpus": 2}}"#))
        XCTAssertEqual(created, VMInfo(name: "web", state: .created, memory: 512 << 20, vcpus: 2))
        let small: VMInfo = try QAPIDecoder.decode(
            from: client.result(#"{"execute": "vm-create", "arguments": {"name": "db", "memory": 1048576}}"#))
        XCTAssertEqual(small, VMInfo(name: "db", state: .created, memory: 1 << 20, vcpus: 1))

        let start = try client.execute(#"{"execute": "vm-start", "arguments": {"name": "web"}, "id": "boot"}"#)
        XCTAssertEqual(start.response, ["return": [:], "id": "boot"])
        XCTAssertEqual(
            try stateChanges(start.events),
            [Events.VmStateChanged(name: "web", state: .booting), Events.VmStateChanged(name: "web", state: .running)])

        let machines: [VMInfo] = try QAPIDecoder.decode(from: client.result(#"{"execute": "query-vms"}"#))
        XCTAssertEqual(machines.map(\.name), ["web", "db"])
        XCTAssertEqual(machines.map(\.state), [.running, .created])

        let stop = try client.execute(#"{"execute": "vm-stop", "arguments": {"name": "web"}}"#)
        XCTAssertEqual(stop.response, ["return": [:]])
        XCTAssertEqual(try stateChanges(stop.events), [Events.VmStateChanged(name: "web", state: .stopped)])
        let restart = try client.execute(#"{"execute": "vm-start", "arguments": {"name": "web"}}"#)
        XCTAssertEqual(try stateChanges(restart.events).map(\.state), [.booting, .running])
        _ = try client.execute(#"{"execute": "vm-stop", "arguments": {"name": "web"}}"#)

        XCTAssertEqual(try client.result(#"{"execute": "vm-delete", "arguments": {"name": "web"}}"#), [:])
        XCTAssertEqual(
            try client.result(#"{"execute": "query-vms"}"#),
            [["name": "db", "state": "created", "memory": 1048576, "vcpus": 1]])
    }

    /// A `QMPError` thrown by the model keeps its class; other errors are
    /// GenericErrors with their description; bad arguments are refused
    /// before the handler runs, with QEMU's texts.
    func testErrors() throws {
        let client = try connect()
        func error(_ request: String) throws -> JSONValue? { try client.execute(request).response["error"] }
        _ = try client.result(#"{"execute": "vm-create", "arguments": {"name": "web"}}"#)
        _ = try client.execute(#"{"execute": "vm-start", "arguments": {"name": "web"}}"#)

        XCTAssertEqual(
            try error(#"{"execute": "vm-stop", "arguments": {"name": "db"}}"#),
            ["class": "DeviceNotFound", "desc": "No VM named 'db'"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-create", "arguments": {"name": "web"}}"#),
            ["class": "GenericError", "desc": "A VM named 'web' already exists"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-create", "arguments": {"name": "big", "vcpus": 65}}"#),
            ["class": "GenericError", "desc": "Parameter 'vcpus' must be between 1 and 64, not 65"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-start", "arguments": {"name": "web"}}"#),
            ["class": "GenericError", "desc": "VM 'web' is running"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-delete", "arguments": {"name": "web"}}"#),
            ["class": "GenericError", "desc": "VM 'web' is running"])
        _ = try client.result(#"{"execute": "vm-stop", "arguments": {"name": "web"}}"#)
        XCTAssertEqual(
            try error(#"{"execute": "vm-stop", "arguments": {"name": "web"}}"#),
            ["class": "GenericError", "desc": "VM 'web' is not running (it is stopped)"])

        XCTAssertEqual(
            try error(#"{"execute": "vm-start"}"#),
            ["class": "GenericError", "desc": "Parameter 'name' is missing"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-create", "arguments": {"name": "x", "cpus": 2}}"#),
            ["class": "GenericError", "desc": "Parameter 'cpus' is unexpected"])
        XCTAssertEqual(
            try error(#"{"execute": "vm-create", "arguments": {"name": "x", "vcpus": "two"}}"#),
            ["class": "GenericError", "desc": "Invalid parameter type for 'vcpus', expected: integer"])
        XCTAssertEqual(try client.result(#"{"execute": "query-vms"}"#).arrayValue?.count, 1)
    }

    /// Every negotiated client sees the events, not only the one whose
    /// command caused them.
    func testEventsReachOtherClients() throws {
        let actor = try connect()
        let watcher = try connect(secondSocketPath)
        _ = try actor.result(#"{"execute": "vm-create", "arguments": {"name": "web"}}"#)
        _ = try actor.result(#"{"execute": "vm-start", "arguments": {"name": "web"}}"#)
        XCTAssertEqual(try stateChanges([watcher.next(), watcher.next()]).map(\.state), [.booting, .running])
    }
}
