import QAPIRuntime
import QAPITestSupport
import QMPClient
import XCTest

/// Queries of a QEMU with no machine, through the client generated from
/// QEMU 10.0.13's schema.
final class QueryTests: XCTestCase {
    func testQueryVersionMatchesTheGreeting() async throws {
        try await withLiveQEMU { qmp in
            let version = try await qmp.queryVersion()
            XCTAssertEqual(version.qemu.major, Int64(qmp.greeting.version.major))
            XCTAssertEqual(version.qemu.minor, Int64(qmp.greeting.version.minor))
            XCTAssertEqual(version.qemu.micro, Int64(qmp.greeting.version.micro))
            XCTAssertEqual(version.package, qmp.greeting.version.package)
        }
    }

    func testQueryStatusOfAMachinelessQEMUIsRunning() async throws {
        try await withLiveQEMU { qmp in
            let status = try await qmp.queryStatus()
            XCTAssertEqual(status.status, .running)
            XCTAssertTrue(status.running)
        }
    }

    func testQueryCommandsListsTheCommandsTheClientCalls() async throws {
        try await withLiveQEMU { qmp in
            let names = Set(try await qmp.queryCommands().map(\.name))
            for name in ["query-version", "query-status", "qom-get", "blockdev-add", "device_add", "getfd", "quit"] {
                XCTAssertTrue(names.contains(name), name)
            }
        }
    }

    func testQueryQmpSchemaDecodesIntoSchemaInfo() async throws {
        let drift = DriftLog()
        try await withLiveQEMU(driftHandler: drift.handler) { qmp in
            let schema = try await qmp.queryQmpSchema()
            guard let entry = schema.first(where: { $0.name == "query-status" }) else {
                return XCTFail("query-qmp-schema has no query-status")
            }
            guard case .command(let command) = entry.branch else { return XCTFail("\(entry)") }
            let statusInfo = schema.first { $0.name == command.retType }
            guard case .object(let object)? = statusInfo?.branch else {
                return XCTFail("\(String(describing: statusInfo))")
            }
            XCTAssertTrue(Set(object.members.map(\.name)).isSuperset(of: ["running", "status"]), "\(object)")
            let shutdown = schema.first { $0.name == "SHUTDOWN" }
            guard case .event? = shutdown?.branch else { return XCTFail("\(String(describing: shutdown))") }
        }
        XCTAssertEqual(drift.lines, [])
    }

    func testQomListAndQomGetReadTheMachine() async throws {
        try await withLiveQEMU { qmp in
            let properties = try await qmp.qomList(path: "/machine")
            XCTAssertEqual(properties.first { $0.name == "type" }?.type, "string")
            let type = try await qmp.qomGet(path: "/machine", property: "type")
            XCTAssertEqual(type, .string("none-machine"))
        }
    }

    func testHumanMonitorCommandRunsAnHMPCommand() async throws {
        try await withLiveQEMU { qmp in
            let version = qmp.greeting.version
            let text = try await qmp.humanMonitorCommand(commandLine: "info version")
            XCTAssertTrue(text.hasPrefix("\(version.major).\(version.minor).\(version.micro)"), text)
            XCTAssertTrue(text.hasSuffix("\r\n"), text)
        }
    }
}
