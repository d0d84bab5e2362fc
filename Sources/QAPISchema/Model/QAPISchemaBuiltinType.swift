/// A predefined type: `str`, `int`, the sized integers, `number`, `size`,
/// `bool`, `any` and `null`.
public final class QAPISchemaBuiltinType: QAPISchemaType {
    private let json: String

    init(name: String, jsonType: String) {
        json = jsonType
        super.init(name: name, info: nil, doc: nil, ifcond: QAPISchemaIfCond(), features: [])
    }

    /// `built-in`.
    public override var meta: QAPIMetaType { .builtIn }

    /// `string`, `number`, `int`, `boolean`, `value` or `null`.
    public override var jsonType: String { json }

    /// The JSON type name.
    public override var docType: String? { json }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitBuiltinType(self)
    }
}
