import Foundation
import QAPICodegen
import QAPISchema
import Testing

/// `--commands`, `--events`, `--types`: only the chosen entities and the
/// types they reach are generated, and the introspection data describes
/// exactly them.
@Suite struct SubsetTests {
    /// A schema with two independent corners, loaded from a temporary file.
    private func schema() throws -> QAPICheckedSchema {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("subset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("main.json")
        try """
        { 'enum': 'Colour', 'data': [ 'red', 'blue' ] }
        { 'struct': 'Paint', 'data': { 'colour': 'Colour', '*layers': ['Layer'] } }
        { 'struct': 'Layer', 'data': { 'depth': 'int' } }
        { 'struct': 'Unrelated', 'data': { 'x': 'int' } }
        { 'union': 'Shape', 'base': { 'kind': 'ShapeKind' }, 'discriminator': 'kind',
          'data': { 'round': 'Circle' } }
        { 'enum': 'ShapeKind', 'data': [ 'round' ] }
        { 'struct': 'Circle', 'data': { 'r': 'number' } }
        { 'command': 'paint', 'data': { 'what': 'str' }, 'returns': 'Paint' }
        { 'command': 'draw', 'data': { 'shape': 'Shape' } }
        { 'event': 'PAINTED', 'data': { 'paint': 'Paint' } }
        { 'event': 'DRAWN' }
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try QAPICheckedSchema(fileName: file.path)
    }

    /// The generated files by name, the type files joined as `types`.
    private func generated(_ subset: QAPISubset?) throws -> [String: String] {
        let files = try QAPISwiftGenerator.generate(try schema(), options: SwiftGeneratorOptions(subset: subset))
        var byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        byName["types"] = QAPIOutputPlan.types.compactMap { byName[$0] }.joined()
        return byName
    }

    @Test func onlyTheChosenEntitiesAndWhatTheyReach() throws {
        let files = try generated(QAPISubset(commands: ["paint"], events: ["DRAWN"]))
        let types = try #require(files["types"])
        for name in ["Colour", "Paint", "Layer"] {
            #expect(types.contains("public struct \(name)") || types.contains("public enum \(name)"))
        }
        for name in ["Unrelated", "Shape", "ShapeKind", "Circle"] {
            #expect(!types.contains(" \(name):"), "\(name) was generated")
        }
        let commands = try #require(files[QAPIOutputPlan.commands])
        #expect(commands.contains("enum Paint {}"))
        #expect(!commands.contains("enum Draw {}"))
        let events = try #require(files[QAPIOutputPlan.events])
        #expect(events.contains("struct Drawn:"))
        #expect(!events.contains("struct Painted:"))
    }

    @Test func introspectionDescribesExactlyTheSubset() throws {
        let subset = QAPISubset(commands: ["draw"], types: ["Layer"])
        let entries = QAPIIntrospection.schemaInfo(for: try schema(), unmask: true, subset: subset)
        #expect(entries.filter { ["command", "event"].contains($0.metaType) }.map(\.name) == ["draw"])
        let names = Set(entries.map(\.name))
        #expect(names.isSuperset(of: ["draw", "Shape", "ShapeKind", "Circle"]))
        #expect(names.isDisjoint(with: ["paint", "Paint", "PAINTED", "DRAWN", "Unrelated"]))
        let files = try generated(subset)
        #expect(files["types"]?.contains("public struct Layer") == true, "a listed type is generated")
    }

    @Test func unknownNamesAreErrors() throws {
        #expect(throws: QAPIError.self) { try generated(QAPISubset(commands: ["nope"])) }
        #expect(throws: QAPIError.self) { try generated(QAPISubset(events: ["paint"])) }
        #expect(throws: QAPIError.self) { try generated(QAPISubset(types: ["Missing"])) }
    }
}
