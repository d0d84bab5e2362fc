import Foundation
import QAPICodegen
import XCTest

/// One handler source, built against three versions of a schema: the
/// second adds what `Docs/SchemaEvolution.md` lists as compatible growth
/// (an optional argument, an optional result member placed between two
/// others, an enum value, an optional event member), and the source
/// builds again unchanged; the third adds a command, and only the
/// whole-schema handler's conformance fails, naming the method to add.
final class SchemaEvolutionBuildTests: XCTestCase {
    /// Version 1 of the schema.
    private let schemaV1 = """
        { 'enum': 'DiskFormat', 'data': [ 'raw', 'qcow2' ] }
        { 'struct': 'DiskInfo',
          'data': { 'name': 'str', 'size': 'size', 'format': 'DiskFormat' } }
        { 'command': 'disk-add',
          'data': { 'name': 'str', 'size': 'size', '*format': 'DiskFormat' },
          'returns': 'DiskInfo' }
        { 'command': 'disk-flush', 'data': { 'name': 'str' }, 'allow-oob': true }
        { 'command': 'query-disks', 'returns': [ 'DiskInfo' ] }
        { 'event': 'DISK_ADDED', 'data': { 'disk': 'DiskInfo' } }

        """

    /// Version 2: grown compatibly.
    private let schemaV2 = """
        { 'enum': 'DiskFormat', 'data': [ 'raw', 'qcow2', 'vmdk' ] }
        { 'struct': 'DiskInfo',
          'data': { 'name': 'str', 'size': 'size', '*read-only': 'bool',
                    'format': 'DiskFormat' } }
        { 'command': 'disk-add',
          'data': { 'name': 'str', 'size': 'size', '*format': 'DiskFormat',
                    '*read-only': 'bool' },
          'returns': 'DiskInfo' }
        { 'command': 'disk-flush', 'data': { 'name': 'str' }, 'allow-oob': true }
        { 'command': 'query-disks', 'returns': [ 'DiskInfo' ] }
        { 'event': 'DISK_ADDED', 'data': { 'disk': 'DiskInfo', '*reason': 'str' } }

        """

    /// Version 3: version 2 and one more command, which a whole-schema
    /// handler must implement.
    private var schemaV3: String {
        schemaV2 + "{ 'command': 'disk-remove', 'data': { 'name': 'str' } }\n"
    }

    /// Written against version 1: a whole-schema handler, a command
    /// registered by closure, a switch over the enum, and what a client
    /// writes (arguments built, results decoded, an event sent).
    private let handlerSource = """
        import QAPIRuntime

        /// Serves every command of the schema.
        struct DiskHandler: CommandHandler {
            func diskAdd(_ arguments: Commands.DiskAdd.Arguments) async throws -> DiskInfo {
                DiskInfo(name: arguments.name, size: arguments.size, format: arguments.format ?? .raw)
            }

            func diskFlush(_ arguments: Commands.DiskFlush.Arguments) throws {
                if arguments.name.isEmpty { throw QMPError.generic("no name") }
            }

            func queryDisks(_ arguments: Commands.QueryDisks.Arguments) async throws -> [DiskInfo] {
                []
            }
        }

        /// A registry with every command, disk-add then replaced by a closure.
        func makeRegistry() -> QMPCommandRegistry {
            var registry = QMPCommandRegistry()
            Commands.register(DiskHandler(), into: &registry)
            registry.register(Commands.DiskAdd.self) { arguments in
                DiskInfo(name: arguments.name, size: arguments.size, format: .qcow2)
            }
            return registry
        }

        /// A format's label; `default` also covers values of later schemas.
        func label(_ format: DiskFormat) -> String {
            switch format {
            case .raw: "plain"
            case .qcow2: "copy on write"
            default: format.rawValue
            }
        }

        /// What a client writes: arguments built, a result read, an event sent.
        func clientSide(_ events: any QMPEventSink) throws -> DiskInfo {
            let arguments = Commands.DiskAdd.Arguments(name: "d0", size: 1 << 20, format: .qcow2)
            _ = arguments.qapiEncoded()
            let info: DiskInfo = try QAPIDecoder.decode(
                from: ["name": "d0", "size": 1048576, "format": "qcow2"])
            events.emit(Events.DiskAdded(disk: info))
            return info
        }

        """

    func testHandlerSourceSurvivesCompatibleGrowthAndIsToldAboutNewCommands() throws {
        let fixture = try PluginFixture()
        try fixture.write(#"{"schema": "qapi/disks.json"}"#, to: "Sources/Fixture/qapi-gen.json")
        try fixture.write(handlerSource, to: "Sources/Fixture/DiskHandler.swift")
        try fixture.write(schemaV1, to: "qapi/disks.json")
        let first = try fixture.build("schema version 1", replan: true)
        XCTAssertEqual(first.status, 0, "version 1 failed:\n\(first.output.suffix(4000))")
        XCTAssertFalse(try generated(fixture, QAPIOutputPlan.commands).contains("readOnly"))

        // Only the schema changes (an edited file: the plugin runs again
        // without a new plan).
        try fixture.write(schemaV2, to: "qapi/disks.json")
        let second = try fixture.build("schema version 2")
        XCTAssertEqual(second.status, 0, "version 2 failed:\n\(second.output.suffix(4000))")
        let commands = try generated(fixture, QAPIOutputPlan.commands)
        XCTAssertTrue(commands.contains("let readOnly: Bool?"), "version 2 was not generated")
        XCTAssertTrue(try QAPIOutputPlan.types.contains { try generated(fixture, $0).contains("case vmdk") })
        XCTAssertTrue(try generated(fixture, QAPIOutputPlan.events).contains("let reason: String?"))
        let ownWarnings = second.output.split(separator: "\n").filter {
            $0.contains("warning:") && $0.contains(fixture.path("Sources/Fixture"))
        }
        XCTAssertEqual(ownWarnings, [], "the handler source warns against version 2")

        // A new command: the whole-schema handler no longer conforms, and
        // the compiler names the method to write; nothing else in the
        // source fails (the closure registration, the client side).
        try fixture.write(schemaV3, to: "qapi/disks.json")
        let third = try fixture.build("schema version 3")
        XCTAssertNotEqual(third.status, 0, "a handler without diskRemove built")
        let ownErrors = Set(
            third.output.split(separator: "\n").filter {
                $0.contains(": error: ") && $0.contains(fixture.path("Sources/Fixture"))
            })
        XCTAssertEqual(ownErrors.count, 1, "expected one error, on the conformance:\n\(third.output.suffix(4000))")
        XCTAssertTrue(
            ownErrors.first?.contains("type 'DiskHandler' does not conform to protocol 'CommandHandler'") == true,
            "\(ownErrors)")
        XCTAssertTrue(
            third.output.contains("protocol requires function 'diskRemove'"),
            "the compiler does not name the missing method:\n\(third.output.suffix(4000))")
    }

    /// The text of generated file `name`.
    private func generated(_ fixture: PluginFixture, _ name: String) throws -> String {
        try String(contentsOf: fixture.generatedDirectory.appendingPathComponent(name), encoding: .utf8)
    }
}
