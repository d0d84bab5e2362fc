import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// The commands of `control.json` and `introspect.json`: versions,
/// command lists, the schema, capabilities and monitors.
final class ControlCommandTests: MonitorClientTestCase {
    func testQueryVersionAgreesWithTheGreeting() async throws {
        let version = try await client.queryVersion()
        XCTAssertEqual(version.package, "swift-qapi")
        XCTAssertEqual(
            QMPVersion(
                major: version.qemu.major, minor: version.qemu.minor, micro: version.qemu.micro,
                package: version.package),
            client.greeting.version)
    }

    func testQueryCommandsListsEveryCommandOfTheSchema() async throws {
        let listed = Set(try await client.queryCommands().map(\.name))
        let schema = Set(
            Introspection.schema.entries.filter { $0["meta-type"] == "command" }.compactMap { $0["name"]?.stringValue })
        XCTAssertEqual(listed, schema)
    }

    func testQueryQmpSchemaDecodesIntoSchemaInfo() async throws {
        let entries = try await client.queryQmpSchema()
        let yank = try XCTUnwrap(entries.first { $0.name == "query-yank" })
        guard case .command(let command) = yank.branch else { return XCTFail("query-yank is \(yank.metaType)") }
        XCTAssertEqual(command.allowOob, true)
        XCTAssertTrue(entries.contains { $0.name == "SHUTDOWN" && $0.metaType == .event })
    }

    /// Spec N2: after the negotiation `qmp_capabilities` is not found.
    func testQmpCapabilitiesAfterNegotiationKeepsItsErrorClass() async throws {
        let error = await thrownError { try await client.qmpCapabilities(enable: [.oob]) }
        let failure = try XCTUnwrap(error as? QMPCommandError)
        XCTAssertEqual(failure.command, "qmp_capabilities")
        XCTAssertEqual(failure.errorClass, .commandNotFound)
        XCTAssertEqual(failure.desc, "Capabilities negotiation is already complete, command ignored")
    }

    func testMonitorAddShowsInQueryMonitorsUntilMonitorRemove() async throws {
        _ = try await client.chardevAdd(id: "spare", backend: ChardevBackend(branch: .null(.init(data: .init()))))
        try await client.monitorAdd(id: "second", chardev: "spare")
        let monitors = try await client.queryMonitors()
        XCTAssertEqual(monitors.last, MonitorInfo(id: "second", mode: .control, chardev: "spare"))
        try await client.monitorRemove(id: "second")
        let after = try await client.queryMonitors()
        XCTAssertFalse(after.contains { $0.id == "second" })
    }
}
