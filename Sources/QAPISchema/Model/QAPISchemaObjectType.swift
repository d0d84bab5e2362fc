/// An object type: a struct (members, optional base) or a union (a base
/// with a discriminator, and branches). Implicit object types are named
/// `q_obj_<name>-arg` (a command's or event's inline arguments),
/// `q_obj_<name>-base` (a union's inline base) and `q_empty`.
public final class QAPISchemaObjectType: QAPISchemaType {
    /// The base type's name as written, if any.
    public let baseName: String?
    /// The members written in this definition (without the base's).
    public let localMembers: [QAPISchemaObjectTypeMember]
    /// The branches, for a union.
    public let branches: QAPISchemaBranches?
    /// Not owned (an invalid schema may make a type its own base); the
    /// schema owns every type.
    unowned var resolvedBase: QAPISchemaObjectType?
    var flatMembers: [QAPISchemaObjectTypeMember]?

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?, ifcond: QAPISchemaIfCond,
        features: [QAPISchemaFeature], baseName: String?,
        localMembers: [QAPISchemaObjectTypeMember], branches: QAPISchemaBranches?
    ) {
        self.baseName = baseName
        self.localMembers = localMembers
        self.branches = branches
        super.init(name: name, info: info, doc: doc, ifcond: ifcond, features: features)
        for member in localMembers { member.setDefinedIn(name) }
        branches?.setDefinedIn(name)
    }

    /// The base type, if any (resolved when the schema is checked).
    public var base: QAPISchemaObjectType? { resolvedBase }

    /// All members: the base's first, then the local ones (known once
    /// the schema is checked).
    public var members: [QAPISchemaObjectTypeMember] {
        guard let flatMembers else { preconditionFailure("object '\(name)' not checked") }
        return flatMembers
    }

    /// Whether this is a union (it has branches).
    public var isUnion: Bool { branches != nil }

    /// `union` or `struct`.
    public override var meta: QAPIMetaType { branches != nil ? .union : .struct }

    /// `object`.
    public override var jsonType: String { "object" }

    /// True for the names the schema makes up (`q_` prefix).
    public override var isImplicit: Bool { name.hasPrefix("q_") }

    /// Whether the type has no members and no branches.
    public var isEmpty: Bool { members.isEmpty && branches == nil }

    /// Whether any member has an `if` condition.
    public var hasConditionalMembers: Bool { members.contains { $0.ifcond.isPresent } }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        if flatMembers != nil { return }
        if isChecked {
            throw QAPIError(info, "object \(name) contains itself")
        }
        try super.check(schema)

        var seen = QAPIMemberSeen()
        if let baseName {
            let type = try schema.resolveType(baseName, info: info, what: "'base'")
            guard let base = type as? QAPISchemaObjectType, base.branches == nil else {
                throw QAPIError(info, "'base' requires a struct type, \(type.describe()) isn't")
            }
            resolvedBase = base
            try base.check(schema)
            try base.checkClash(info, &seen)
        }
        for member in localMembers {
            try member.check(schema)
            try member.checkClash(info, &seen)
        }
        let members = seen.members.map { $0 as! QAPISchemaObjectTypeMember }
        if let branches {
            try branches.check(schema, seen)
            try branches.checkClash(info, seen)
        }
        flatMembers = members
    }

    /// Checks that this type's members (and branches' members) do not
    /// clash with those in `seen`, reporting at `info`.
    func checkClash(_ info: QAPISourceInfo?, _ seen: inout QAPIMemberSeen) throws(QAPIError) {
        for member in members { try member.checkClash(info, &seen) }
        if let branches { try branches.checkClash(info, seen) }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        let doc = doc ?? self.doc
        if let base, base.isImplicit { try base.connectDoc(doc) }
        for member in localMembers { try member.connectDoc(doc) }
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitObjectType(self)
    }
}
