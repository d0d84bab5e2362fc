/// An enumeration: a string restricted to the listed values.
public final class QAPISchemaEnumType: QAPISchemaType {
    /// The values in definition order.
    public let members: [QAPISchemaEnumMember]
    /// The prefix for C constants, if the schema sets one.
    public let prefix: String?

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?, ifcond: QAPISchemaIfCond,
        features: [QAPISchemaFeature], members: [QAPISchemaEnumMember], prefix: String?
    ) {
        self.members = members
        self.prefix = prefix
        super.init(name: name, info: info, doc: doc, ifcond: ifcond, features: features)
        for member in members { member.setDefinedIn(name) }
    }

    /// `enum`.
    public override var meta: QAPIMetaType { .enum }

    /// `string`.
    public override var jsonType: String { "string" }

    /// True only for the predefined `QType`.
    public override var isImplicit: Bool { name == "QType" }

    /// The names of the values, in order.
    public var memberNames: [String] { members.map(\.name) }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        var seen = QAPIMemberSeen()
        for member in members { try member.checkClash(info, &seen) }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        let doc = doc ?? self.doc
        for member in members { try member.connectDoc(doc) }
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitEnumType(self)
    }
}
