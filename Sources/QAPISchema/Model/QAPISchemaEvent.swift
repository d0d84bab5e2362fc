/// An event: its name and the data it carries.
public final class QAPISchemaEvent: QAPISchemaDefinition {
    /// The data type's name (`q_obj_<name>-arg` for inline data).
    public let argTypeName: String?
    /// `boxed`: whether the data is passed as one object.
    public let boxed: Bool
    var resolvedArgType: QAPISchemaObjectType?

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?, ifcond: QAPISchemaIfCond,
        features: [QAPISchemaFeature], argTypeName: String?, boxed: Bool
    ) {
        self.argTypeName = argTypeName
        self.boxed = boxed
        super.init(name: name, info: info, doc: doc, ifcond: ifcond, features: features)
    }

    /// The data type, if the event carries data.
    public var argType: QAPISchemaObjectType? { resolvedArgType }

    /// `event`.
    public override var meta: QAPIMetaType { .event }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        guard let argTypeName else { return }
        let type = try schema.resolveType(argTypeName, info: info, what: "event's 'data'")
        guard let argType = type as? QAPISchemaObjectType else {
            throw QAPIError(info, "event's 'data' cannot take \(type.describe())")
        }
        resolvedArgType = argType
        if argType.branches != nil && !boxed {
            throw QAPIError(
                info, "event's 'data' can take \(argType.describe()) only with 'boxed': true")
        }
        try argType.check(schema)
        if argType.hasConditionalMembers && !boxed {
            throw QAPIError(info, "conditional event arguments require 'boxed': true")
        }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        guard let doc = doc ?? self.doc else { return }
        if let argType, argType.isImplicit { try argType.connectDoc(doc) }
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitEvent(self)
    }
}
