import Foundation
import QAPICodegen
import QAPISchema
import QAPITestSupport
import XCTest

/// The generator's output plan, determinism, clash diagnostics and CLI.
final class SwiftGeneratorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("swift-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `files` (relative path to text) and returns the schema built
    /// from `main`.
    private func schema(_ files: [String: String], main: String = "main.json") throws -> QAPICheckedSchema {
        for (path, text) in files {
            try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return try QAPICheckedSchema(fileName: directory.appendingPathComponent(main).path)
    }

    /// The type files' text, joined.
    private static func types(_ files: [GeneratedFile]) -> String {
        files.filter { QAPIOutputPlan.types.contains($0.name) }.map(\.contents).joined()
    }

    /// The text of file `name`.
    private static func file(_ name: String, _ files: [GeneratedFile]) -> String {
        files.first { $0.name == name }?.contents ?? ""
    }

    private func generationError(_ text: String) throws -> String {
        let schema = try schema(["main.json": text])
        do {
            _ = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions())
            XCTFail("expected a clash diagnostic")
            return ""
        } catch {
            return error.qemuDescription
        }
    }

    /// Every schema gives the same six files, whatever its modules; each
    /// module's definitions sit under a mark naming it.
    func testEverySchemaGivesTheSameFiles() throws {
        let schema = try schema([
            "main.json": "{ 'include': 'sub/types.json' }\n{ 'command': 'ping' }",
            "sub/types.json": "{ 'include': 'more_x.json' }\n{ 'struct': 'Point', 'data': { 'x': 'int' } }",
            "sub/more_x.json": "{ 'event': 'MOVED' }",
        ])
        let files = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions(prefix: "qmp-"))
        XCTAssertEqual(files.map(\.name), QAPIOutputPlan.files)
        XCTAssertEqual(
            files.map(\.name),
            [
                "qapi-types-1.swift", "qapi-types-2.swift", "qapi-types-3.swift", "qapi-types-4.swift",
                "qapi-types-5.swift", "qapi-types-6.swift", "qapi-types-7.swift", "qapi-types-8.swift",
                "qapi-types-9.swift", "qapi-types-10.swift", "qapi-types-11.swift", "qapi-types-12.swift",
                "qapi-types-13.swift", "qapi-types-14.swift", "qapi-types-15.swift", "qapi-types-16.swift",
                "qapi-commands.swift",
                "qapi-events.swift", "qapi-schema.swift", "qapi-introspection.swift", "qapi-client.swift",
            ])
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        XCTAssertTrue(Self.types(files).contains("// MARK: - sub/types.json"))
        XCTAssertTrue(Self.types(files).contains("public struct Point: QAPIObjectCodable, QAPIWireHashable {"))
        XCTAssertTrue(byName["qapi-commands.swift"]!.contains("extension QmpCommands.Ping: QMPInBandCommand {"))
        XCTAssertTrue(
            byName["qapi-events.swift"]!.contains(
                "public struct Moved: QMPEvent, QAPIObjectCodable, QAPIWireHashable {"))
        XCTAssertTrue(byName["qapi-events.swift"]!.contains("public enum QmpEvent: QMPEventSet, Hashable {"))
        XCTAssertTrue(byName["qapi-schema.swift"]!.contains("public protocol QmpCommandHandler: Sendable {"))
        XCTAssertFalse(byName.values.contains { $0.contains(directory.path) }, "no absolute paths in output")
    }

    func testOutputIsDeterministic() throws {
        let schema = try schema([
            "main.json": """
            { 'enum': 'Ex', 'data': [ 'a', 'b', 'c', 'd', 'e', 'f' ] }
            { 'struct': 'Sx', 'data': { 'x': 'Ex', 'y': ['Sx'], '*z': 'Sx' } }
            { 'command': 'go', 'data': { 'v': 'Sx' }, 'returns': 'Sx', 'if': 'HAVE_GO' }
            """
        ])
        let options = SwiftGeneratorOptions(definedSymbols: ["HAVE_GO", "OTHER", "MORE"])
        let first = try QAPISwiftGenerator.generate(schema, options: options)
        for _ in 0..<5 {
            XCTAssertEqual(try QAPISwiftGenerator.generate(schema, options: options), first)
        }
    }

    func testConditionsAreEvaluatedAtGenerationTime() throws {
        let schema = try schema([
            "main.json": """
            { 'enum': 'Ex', 'data': [ 'a', { 'name': 'b', 'if': 'HAVE_B' } ] }
            { 'struct': 'Sx', 'data': { 'x': 'int', '*y': { 'type': 'int', 'if': { 'not': 'HAVE_B' } } } }
            { 'command': 'only-b', 'if': 'HAVE_B' }
            """
        ])
        let without = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions())
        let with = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions(definedSymbols: ["HAVE_B"]))
        let typesWithout = Self.types(without), typesWith = Self.types(with)
        XCTAssertFalse(typesWithout.contains("case b\n"))
        XCTAssertTrue(typesWith.contains("case b\n"))
        XCTAssertTrue(typesWithout.contains("public let y: Int64?"))
        XCTAssertFalse(typesWith.contains("public let y"))
        XCTAssertFalse(Self.file(QAPIOutputPlan.commands, without).contains("OnlyB"))
        XCTAssertTrue(Self.file(QAPIOutputPlan.commands, with).contains("extension Commands.OnlyB: QMPInBandCommand {"))
    }

    func testRecursiveTypesAreStoredIndirectly() throws {
        let schema = try schema([
            "main.json": """
            { 'struct': 'Node', 'data': { 'name': 'str', '*next': 'Node', 'children': ['Node'] } }
            { 'alternate': 'Ref', 'data': { 'name': 'str', 'def': 'Def' } }
            { 'struct': 'Def', 'data': { 'ref': 'Ref' } }
            """
        ])
        let types = Self.types(try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions()))
        XCTAssertTrue(types.contains("@QAPIIndirect public private(set) var next: Node?"))
        XCTAssertTrue(types.contains("public let children: [Node]"))
        XCTAssertFalse(types.contains("@QAPIIndirect public private(set) var children"))
        XCTAssertTrue(types.contains("public indirect enum Ref: QAPICodable, QAPIWireHashable {"))
        XCTAssertTrue(types.contains("@QAPIIndirect public private(set) var ref: Ref"))
    }

    /// Members are `let` by default and `var` with `mutableMembers`: a
    /// struct's, a union's (its branch too) and an event's data; a member
    /// stored through `@QAPIIndirect` is a `var` with a private setter.
    func testMembersAreConstantsUnlessMutable() throws {
        let schema = try schema([
            "main.json": """
            { 'enum': 'Kind', 'data': [ 'a', 'b' ] }
            { 'struct': 'Node', 'data': { 'name': 'str', '*next': 'Node' } }
            { 'union': 'Un', 'base': { 'kind': 'Kind', 'id': 'int' }, 'discriminator': 'kind',
              'data': { 'a': 'Node' } }
            { 'event': 'BOXED', 'data': 'Node', 'boxed': true }
            """
        ])
        let constant = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions())
        let mutable = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions(mutableMembers: true))
        let constantTypes = Self.types(constant), mutableTypes = Self.types(mutable)
        for (constantLine, mutableLine) in [
            ("public let name: String\n", "public var name: String\n"),
            ("@QAPIIndirect public private(set) var next: Node?\n", "@QAPIIndirect public var next: Node?\n"),
            ("public let id: Int64\n", "public var id: Int64\n"),
            ("public let branch: Branch\n", "public var branch: Branch\n"),
        ] {
            XCTAssertTrue(constantTypes.contains(constantLine), constantLine)
            XCTAssertTrue(mutableTypes.contains(mutableLine), mutableLine)
            XCTAssertFalse(constantTypes.contains(mutableLine), mutableLine)
        }
        // The discriminator stays derived from the branch either way.
        XCTAssertTrue(constantTypes.contains("public var kind: Kind { self.branch.qapiTag }"))
        XCTAssertTrue(mutableTypes.contains("public var kind: Kind { self.branch.qapiTag }"))
        XCTAssertTrue(Self.file(QAPIOutputPlan.events, constant).contains("public let data: Node\n"))
        XCTAssertTrue(Self.file(QAPIOutputPlan.events, mutable).contains("public var data: Node\n"))
        XCTAssertFalse(constant.map(\.contents).joined().contains("public var name"))
    }

    func testShadowedStandardNamesAreQualified() throws {
        let schema = try schema([
            "main.json": """
            { 'struct': 'String', 'data': { 'str': 'str' } }
            { 'struct': 'Uses', 'data': { 'a': 'String', 'b': 'str', 'c': 'int' } }
            """
        ])
        let types = Self.types(try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions()))
        XCTAssertTrue(types.contains("public let a: String\n"))
        XCTAssertTrue(types.contains("public let b: Swift.String\n"))
        XCTAssertTrue(types.contains("public let c: Int64\n"))
    }

    func testAccessLevel() throws {
        let schema = try schema(["main.json": "{ 'struct': 'Sx', 'data': { 'x': 'int' } }\n{ 'command': 'c' }"])
        for (level, keyword) in [(SwiftGeneratorOptions.AccessLevel.internal, ""), (.package, "package ")] {
            let files = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions(access: level))
            let all = files.map(\.contents).joined()
            XCTAssertFalse(all.contains("public "), "\(level)")
            XCTAssertTrue(all.contains("\(keyword)struct Sx: QAPIObjectCodable, QAPIWireHashable {"), "\(level)")
        }
    }

    func testCommandNamesThatBecomeOneMethodAreADiagnostic() throws {
        let message = try generationError(
            """
            { 'pragma': { 'command-name-exceptions': [ 'query_foo' ] } }
            { 'command': 'query-foo' }
            { 'command': 'query_foo' }
            """)
        XCTAssertTrue(
            message.hasSuffix(
                """
                main.json: In command 'query_foo':
                \(directory.path)/main.json:3: command 'query_foo' and command 'query-foo' both become Swift command namespace 'QueryFoo'
                """), message)
    }

    func testMemberNamesThatBecomeOnePropertyAreADiagnostic() throws {
        let message = try generationError(
            """
            { 'pragma': { 'member-name-exceptions': [ 'Sx' ] } }
            { 'struct': 'Sx', 'data': { 'fooBar': 'int', 'foo-bar': 'str' } }
            """)
        XCTAssertTrue(
            message.contains(
                "member 'foo-bar' of struct type 'Sx' and member 'fooBar' of struct type 'Sx' both become Swift property 'fooBar'"
            ),
            message)
        XCTAssertTrue(message.contains("main.json:2:"), message)
    }

    func testTypeNamedLikeAGeneratedDeclarationIsADiagnostic() throws {
        let message = try generationError("{ 'struct': 'Commands', 'data': { 'x': 'int' } }")
        XCTAssertTrue(
            message.hasSuffix(
                "main.json:1: struct type 'Commands' and the generated declaration 'Commands' both become Swift type 'Commands'"
            ),
            message)
    }

    func testEventNamedLikeATypeIsADiagnostic() throws {
        let message = try generationError(
            """
            { 'struct': 'DeviceGone', 'data': { 'x': 'int' } }
            { 'event': 'DEVICE_GONE', 'data': { 'dev': 'DeviceGone' } }
            """)
        XCTAssertTrue(
            message.hasSuffix(
                "main.json:2: event 'DEVICE_GONE' and struct type 'DeviceGone' both become Swift type 'DeviceGone'"),
            message)
    }

    func testEventNamedLikeAStandardTypeQualifiesTheStandardType() throws {
        let schema = try schema([
            "main.json": """
            { 'event': 'STRING', 'data': { 's': 'str' } }
            { 'event': 'HASHABLE' }
            { 'struct': 'QAPIWireHashable', 'data': {} }
            """
        ])
        let events = Self.file(
            QAPIOutputPlan.events, try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions()))
        XCTAssertTrue(
            events.contains("public struct String: QMPEvent, QAPIObjectCodable, QAPIRuntime.QAPIWireHashable {"), events
        )
        XCTAssertTrue(events.contains("public static var name: Swift.String { \"STRING\" }"), events)
        XCTAssertTrue(events.contains("public let s: Swift.String\n"), events)
        XCTAssertTrue(events.contains("public enum Event: QMPEventSet, Swift.Hashable {"), events)
        // A schema type named like the runtime's protocol shadows it.
        XCTAssertTrue(
            events.contains("public struct Hashable: QMPEvent, QAPIObjectCodable, QAPIRuntime.QAPIWireHashable {"),
            events)
    }

    func testCommandNamedLikeADeclarationRegistrationUsesIsADiagnostic() throws {
        let handler = try generationError("{ 'command': 'command-handler' }")
        XCTAssertTrue(
            handler.hasSuffix(
                "main.json:1: command 'command-handler' and the generated declaration 'CommandHandler' both become Swift command namespace 'CommandHandler'"
            ),
            handler)
        let introspection = try generationError("{ 'command': 'introspection' }")
        XCTAssertTrue(
            introspection.hasSuffix(
                "main.json:1: command 'introspection' and the generated declaration 'Introspection' both become Swift command namespace 'Introspection'"
            ),
            introspection)
    }

    func testKeywordsAndNearClashesGenerate() throws {
        let schema = try schema([
            "main.json": """
            { 'pragma': { 'member-name-exceptions': [ 'Keywords' ] } }
            { 'enum': 'Words', 'data': [ 'true', 'nil', 'case', 'self', 'init', 'raw-value', 'hash' ] }
            { 'struct': 'Keywords', 'data': { 'default': 'int', 'protocol': 'str', 'self': 'bool',
                                              'init': 'int', 'branch': 'int', 'hash': 'int', 'type': 'Words',
                                              'node-name': 'str', 'node-Name2': 'str' } }
            { 'command': 'import', 'data': { 'in': 'int', 'var': 'int' } }
            """
        ])
        let files = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions())
        let types = Self.types(files)
        for line in [
            "case `true`\n", "case `nil`\n", "case `case`\n", "case self_\n",
            "case init_\n", "case rawValue_\n", "public let `default`: Int64",
            "public let `protocol`: String", "public let self_: Bool", "public let init_: Int64",
            "public let branch_: Int64", "public let hash_: Int64", "public let type: Words",
            "public let nodeName: String", "public let nodeName2: String",
        ] {
            XCTAssertTrue(types.contains(line), line)
        }
        let schemaFile = files.first { $0.name == QAPIOutputPlan.schema }!.contents
        XCTAssertTrue(schemaFile.contains("func `import`(_ arguments: Commands.Import.Arguments) async throws"))
        XCTAssertTrue(
            schemaFile.contains("registry.register(Import.self) { try await handler.`import`($0); return QAPIEmpty() }")
        )
    }

    func testCommandLineWritesFilesAndKeepsUnchangedOnes() throws {
        _ = try schema(["main.json": "{ 'struct': 'Sx', 'data': { 'x': 'int' } }"])
        let output = directory.appendingPathComponent("out/nested")
        let first = try TestEnvironment.runQAPIGen(["-o", output.path, "main.json"], in: directory)
        XCTAssertEqual(first.status, 0, String(decoding: first.standardError, as: UTF8.self))
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        XCTAssertEqual(names, QAPIOutputPlan.files.sorted())
        let typesFile = output.appendingPathComponent(QAPIOutputPlan.types[0]).path
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: typesFile)
        let second = try TestEnvironment.runQAPIGen(["-o", output.path, "main.json"], in: directory)
        XCTAssertEqual(second.status, 0)
        let date = try FileManager.default.attributesOfItem(atPath: typesFile)[.modificationDate] as? Date
        XCTAssertEqual(date, past, "an unchanged output file is not rewritten")
    }

    func testCommandLineReportsClashesInCompilerFormat() throws {
        _ = try schema(["main.json": "{ 'struct': 'Events', 'data': { 'x': 'int' } }"])
        let result = try TestEnvironment.runQAPIGen(
            ["-o", directory.appendingPathComponent("out").path, "--diagnostics", "compiler", "main.json"],
            in: directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            String(decoding: result.standardError, as: UTF8.self),
            """
            main.json:1:1: error: struct type 'Events' and the generated declaration 'Events' both become Swift type 'Events'
            main.json:1:1: note: in struct 'Events'

            """)
    }

    func testCommandLineRejectsUnknownAccessLevel() throws {
        let result = try TestEnvironment.runQAPIGen(["-o", "x", "--access", "open", "main.json"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            String(decoding: result.standardError, as: UTF8.self).hasPrefix(
                "qapi-gen: error: unknown access level 'open' (use 'public', 'package' or 'internal')"))
    }
}
