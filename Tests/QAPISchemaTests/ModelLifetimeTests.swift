import QAPISchema
import XCTest

/// Found by `Scripts/fuzz.sh schema` (LeakSanitizer): the model of a
/// schema with a recursive type, or with a type that is its own base,
/// was never freed, because the resolved references between entities
/// formed reference cycles. Now the schema alone owns its entities.
final class ModelLifetimeTests: XCTestCase {
    private let recursive = """
        { 'struct': 'Node', 'data': { 'children': [ 'Node' ], '*next': 'Node', '*pick': 'Pick' } }
        { 'alternate': 'Pick', 'data': { 'node': 'Node', 'name': 'str' } }
        { 'union': 'Shape', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'tree': 'Holder' } }
        { 'enum': 'Kind', 'data': [ 'tree' ] }
        { 'struct': 'Holder', 'data': { 'shapes': [ 'Shape' ] } }
        """

    func testARecursiveModelIsFreedWithItsSchema() throws {
        weak var node: QAPISchemaType?
        weak var shape: QAPISchemaType?
        try autoreleasepoolIfAvailable {
            let parsed = try QAPISchemaParser.parse(text: recursive, fileName: "t.json")
            let schema = try QAPICheckedSchema(expressions: parsed.expressions, docs: parsed.docs, fileName: "t.json")
            node = schema.lookupType("Node")
            shape = schema.lookupType("Shape")
            let members = (node as? QAPISchemaObjectType)?.members ?? []
            XCTAssertEqual(members.map(\.type.name), ["NodeList", "Node", "Pick"])
            XCTAssertEqual((members.first?.type as? QAPISchemaArrayType)?.elementType.name, "Node")
        }
        XCTAssertNil(node, "the schema's recursive types outlive it")
        XCTAssertNil(shape, "the schema's recursive types outlive it")
    }

    func testTheModelOfARejectedSchemaIsFreed() throws {
        // The fuzzer's input: `{ 'struct': 'Loopy', 'base': 'Loopy', 'data': {} }`.
        // The entity keeps its expression's source info; once the
        // expressions are gone, nothing else may hold that info.
        weak var info: QAPISourceInfo?
        try autoreleasepoolIfAvailable {
            let text = "# we reject a loop in base classes\n{ 'struct': 'Loopy', 'base': 'Loopy', 'data': {} }\n"
            let parsed = try QAPISchemaParser.parse(text: text, fileName: "t.json")
            info = parsed.expressions.first?.info
            XCTAssertThrowsError(
                try QAPICheckedSchema(expressions: parsed.expressions, docs: parsed.docs, fileName: "t.json")
            ) {
                XCTAssertEqual(($0 as? QAPIError)?.message, "object Loopy contains itself")
            }
        }
        XCTAssertNil(info, "the model of a rejected schema is never freed")
    }
}

/// Runs `body`; an autorelease pool where there is one (Darwin), so that
/// objects released in `body` are gone when it returns.
private func autoreleasepoolIfAvailable(_ body: () throws -> Void) rethrows {
    #if canImport(ObjectiveC)
    try autoreleasepool { try body() }
    #else
    try body()
    #endif
}
