/// Something defined inside a definition: an object member, an enum
/// value, a union or alternate branch, or a feature.
public class QAPISchemaMember {
    /// The name as written (without the `*` of optional members).
    public let name: String
    /// Where the enclosing definition is, `nil` for predefined ones.
    public let info: QAPISourceInfo?
    /// The member's own `if` condition.
    public let ifcond: QAPISchemaIfCond
    /// Name of the entity the member belongs to (for features of
    /// members: the member's name).
    public internal(set) var definedIn: String = ""
    /// The C name, the key of the clash checks (computed once).
    private(set) lazy var clashKey = QAPICName.cName(name)

    init(name: String, info: QAPISourceInfo?, ifcond: QAPISchemaIfCond) {
        self.name = name
        self.info = info
        self.ifcond = ifcond
    }

    /// What the member is, as error messages say it: `member`, `value`,
    /// `branch` or `feature`.
    public var role: String { "member" }

    func setDefinedIn(_ name: String) {
        assert(definedIn.isEmpty, "member defined twice")
        definedIn = name
    }

    /// Records the member in `seen` (keyed by C name), reporting at `info`
    /// a clash with a member already there.
    func checkClash(_ info: QAPISourceInfo?, _ seen: inout QAPIMemberSeen) throws(QAPIError) {
        let key = clashKey
        if let other = seen[key] {
            throw QAPIError(info, "\(describe(info)) collides with \(other.describe(info))")
        }
        seen.insert(self, forKey: key)
    }

    /// Connects the member to its description in `doc`.
    func connectDoc(_ doc: QAPIDoc?) throws(QAPIError) {
        guard let doc, let info else { return }
        try doc.connectMember(name: name, role: role, info: info)
    }

    /// The member as error messages name it, relative to the definition
    /// `info` belongs to: `member 'x'`, `member 'x' of type 'T'`,
    /// `parameter 'x'`, `base member 'x' of type 'U'`, ...
    public func describe(_ info: QAPISourceInfo?) -> String {
        var role = self.role
        var meta = "type"
        var owner = definedIn
        if owner.hasPrefix("q_obj_") {
            owner.removeFirst(6)
            if owner.hasSuffix("-arg") {
                role = "parameter"
                meta = "command"
                owner.removeLast(4)
            } else if owner.hasSuffix("-base") {
                role = "base " + role
                owner.removeLast(5)
            }
        }
        if owner != info?.definitionName {
            return "\(role) '\(name)' of \(meta) '\(owner)'"
        }
        return "\(role) '\(name)'"
    }
}

/// An ordered map from C name to member, the `seen` table of the clash
/// checks: member order is the order of insertion.
struct QAPIMemberSeen {
    private(set) var members: [QAPISchemaMember] = []
    private var index: [String: Int] = [:]

    /// Whether nothing has been recorded.
    var isEmpty: Bool { members.isEmpty }

    subscript(key: String) -> QAPISchemaMember? {
        index[key].map { members[$0] }
    }

    mutating func insert(_ member: QAPISchemaMember, forKey key: String) {
        index[key] = members.count
        members.append(member)
    }
}

/// A value of an enum type.
public final class QAPISchemaEnumMember: QAPISchemaMember {
    /// The value's features.
    public let features: [QAPISchemaFeature]

    init(name: String, info: QAPISourceInfo?, ifcond: QAPISchemaIfCond, features: [QAPISchemaFeature]) {
        self.features = features
        super.init(name: name, info: info, ifcond: ifcond)
        for feature in features { feature.setDefinedIn(name) }
    }

    /// `value`.
    public override var role: String { "value" }

    override func connectDoc(_ doc: QAPIDoc?) throws(QAPIError) {
        try super.connectDoc(doc)
        guard let doc else { return }
        for feature in features { try feature.connectDoc(doc) }
    }
}

/// A feature of a definition or of a member.
public final class QAPISchemaFeature: QAPISchemaMember {
    /// Features every schema has, with a meaning fixed by QEMU.
    public static let specialNames = ["deprecated", "unstable"]

    /// `feature`.
    public override var role: String { "feature" }

    /// Whether this is `deprecated` or `unstable`.
    public var isSpecial: Bool { Self.specialNames.contains(name) }

    override func connectDoc(_ doc: QAPIDoc?) throws(QAPIError) {
        guard let doc, let info else { return }
        try doc.connectFeature(name: name, info: info)
    }
}

/// A member of an object type, with its type.
public class QAPISchemaObjectTypeMember: QAPISchemaMember {
    /// The type name as written (array types as `TList`).
    public let typeName: String
    /// Whether the member may be absent (written `*name`).
    public let optional: Bool
    /// The member's features.
    public let features: [QAPISchemaFeature]
    /// Not owned (types may be recursive); the schema owns every type.
    unowned var resolvedType: QAPISchemaType?

    init(
        name: String, info: QAPISourceInfo?, typeName: String, optional: Bool,
        ifcond: QAPISchemaIfCond, features: [QAPISchemaFeature]
    ) {
        self.typeName = typeName
        self.optional = optional
        self.features = features
        super.init(name: name, info: info, ifcond: ifcond)
        for feature in features { feature.setDefinedIn(name) }
    }

    /// The member's type (resolved when the schema is checked).
    public var type: QAPISchemaType {
        guard let resolvedType else { preconditionFailure("member '\(name)' not checked") }
        return resolvedType
    }

    /// Resolves the type and checks the features for clashes.
    func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        resolvedType = try schema.resolveType(typeName, info: info, what: describe(info))
        var seen = QAPIMemberSeen()
        for feature in features { try feature.checkClash(info, &seen) }
    }

    override func connectDoc(_ doc: QAPIDoc?) throws(QAPIError) {
        try super.connectDoc(doc)
        guard let doc else { return }
        for feature in features { try feature.connectDoc(doc) }
    }
}

/// A branch of a union or an alternate: the branch name and its type.
public final class QAPISchemaVariant: QAPISchemaObjectTypeMember {
    init(name: String, info: QAPISourceInfo?, typeName: String, ifcond: QAPISchemaIfCond) {
        super.init(name: name, info: info, typeName: typeName, optional: false, ifcond: ifcond, features: [])
    }

    /// `branch`.
    public override var role: String { "branch" }
}
