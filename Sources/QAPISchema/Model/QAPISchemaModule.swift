/// A schema file as a unit of output: the entities defined in it, in
/// definition order.
///
/// User modules are named by their path relative to the main schema
/// file's directory; system modules have names starting with `./`, such
/// as `./builtin` for the predefined types.
public final class QAPISchemaModule {
    /// The name of the module of predefined types.
    public static let builtinModuleName = "./builtin"

    /// The module's name.
    public let name: String
    /// The entities defined in the module, in definition order.
    public internal(set) var entities: [QAPISchemaEntity] = []

    init(name: String) {
        self.name = name
    }

    /// Whether `name` names a system module (it starts with `./`).
    public static func isSystemModule(_ name: String) -> Bool {
        name.hasPrefix("./")
    }

    /// Whether this module is internal to the generator.
    public var isSystem: Bool { Self.isSystemModule(name) }

    /// Whether this module comes from a schema file.
    public var isUser: Bool { !isSystem }

    /// Whether this is the module of predefined types.
    public var isBuiltin: Bool { name == Self.builtinModuleName }

    /// Visits the module and then each of its entities the visitor needs.
    public func visit<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitModule(self)
        for entity in entities where visitor.visitNeeded(entity) {
            entity.accept(&visitor)
        }
    }
}
