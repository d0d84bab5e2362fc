/// An array type `TList`, made up by the schema wherever `['T']` is used
/// (and for every built-in type).
public final class QAPISchemaArrayType: QAPISchemaType {
    /// The element type's name as written.
    public let elementTypeName: String
    /// Not owned (types may be recursive); the schema owns every type.
    unowned var resolvedElementType: QAPISchemaType?

    init(name: String, info: QAPISourceInfo?, elementTypeName: String) {
        self.elementTypeName = elementTypeName
        super.init(name: name, info: info, doc: nil, ifcond: QAPISchemaIfCond(), features: [])
    }

    /// The element type (resolved when the schema is checked).
    public var elementType: QAPISchemaType {
        guard let resolvedElementType else { preconditionFailure("array '\(name)' not checked") }
        return resolvedElementType
    }

    /// `array`.
    public override var meta: QAPIMetaType { .array }

    /// `array`.
    public override var jsonType: String { "array" }

    /// Always true: arrays are never written as definitions.
    public override var isImplicit: Bool { true }

    /// The element type's condition.
    public override var ifcond: QAPISchemaIfCond { elementType.ifcond }

    /// `array of T`, or `nil` when the element type has no documentation name.
    public override var docType: String? {
        elementType.docType.map { "array of " + $0 }
    }

    /// `array type ['T']`.
    public override func describe() -> String {
        "\(meta.rawValue) type ['\(elementTypeName)']"
    }

    /// Arrays live in their element type's module.
    override var moduleFileName: String? { elementType.info?.fileName }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        resolvedElementType = try schema.resolveType(
            elementTypeName, info: info, what: self.info?.definitionMeta ?? "")
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitArrayType(self)
    }
}
