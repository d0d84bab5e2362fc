/// The branches of a union or an alternate, and the member that selects
/// between them.
public class QAPISchemaVariants {
    /// Where the union or alternate is defined.
    public let info: QAPISourceInfo?
    /// The branches: written ones in order, then (for unions) one with
    /// type `q_empty` for each discriminator value left out.
    public internal(set) var variants: [QAPISchemaVariant]
    var resolvedTagMember: QAPISchemaObjectTypeMember?

    init(info: QAPISourceInfo?, variants: [QAPISchemaVariant]) {
        self.info = info
        self.variants = variants
    }

    /// The member whose value selects the branch: a union's discriminator,
    /// or an alternate's implicit `type` member of type `QType`.
    public var tagMember: QAPISchemaObjectTypeMember {
        guard let resolvedTagMember else { preconditionFailure("variants not checked") }
        return resolvedTagMember
    }

    func setDefinedIn(_ name: String) {
        for variant in variants { variant.setDefinedIn(name) }
    }

    func check(_ schema: QAPICheckedSchema, _ seen: QAPIMemberSeen) throws(QAPIError) {
        for variant in variants { try variant.check(schema) }
    }
}

/// The branches of a union, selected by a discriminator member of the base.
public final class QAPISchemaBranches: QAPISchemaVariants {
    /// The discriminator's name as written.
    public let tagName: String

    init(info: QAPISourceInfo?, variants: [QAPISchemaVariant], tagName: String) {
        self.tagName = tagName
        super.init(info: info, variants: variants)
    }

    override func check(_ schema: QAPICheckedSchema, _ seen: QAPIMemberSeen) throws(QAPIError) {
        var base = "'base'"
        guard let tag = seen[QAPICName.cName(tagName)] as? QAPISchemaObjectTypeMember,
            tag.name == tagName
        else {
            throw QAPIError(info, "discriminator '\(tagName)' is not a member of \(base)")
        }
        resolvedTagMember = tag
        if let baseType = schema.lookupType(tag.definedIn), !baseType.isImplicit {
            base = "base type '\(tag.definedIn)'"
        }
        guard let tagType = tag.type as? QAPISchemaEnumType else {
            throw QAPIError(info, "discriminator member '\(tagName)' of \(base) must be of enum type")
        }
        if tag.optional {
            throw QAPIError(info, "discriminator member '\(tagName)' of \(base) must not be optional")
        }
        if tag.ifcond.isPresent {
            throw QAPIError(info, "discriminator member '\(tagName)' of \(base) must not be conditional")
        }
        let cases = Set(variants.map(\.name))
        for value in tagType.members where !cases.contains(value.name) {
            let variant = QAPISchemaVariant(
                name: value.name, info: info, typeName: "q_empty", ifcond: value.ifcond)
            variant.setDefinedIn(tag.definedIn)
            variants.append(variant)
        }
        if variants.isEmpty {
            throw QAPIError(info, "union has no branches")
        }
        let values = Set(tagType.memberNames)
        for variant in variants {
            try variant.check(schema)
            if !seen.isEmpty {
                if !values.contains(variant.name) {
                    throw QAPIError(
                        info, "branch '\(variant.name)' is not a value of \(tagType.describe())")
                }
                guard let type = variant.type as? QAPISchemaObjectType else {
                    throw QAPIError(
                        info, "\(variant.describe(info)) cannot use \(variant.type.describe())")
                }
                try type.check(schema)
            }
        }
    }

    func checkClash(_ info: QAPISourceInfo?, _ seen: QAPIMemberSeen) throws(QAPIError) {
        for variant in variants {
            guard let type = variant.type as? QAPISchemaObjectType else { continue }
            var branchSeen = seen
            try type.checkClash(info, &branchSeen)
        }
    }
}

/// The branches of an alternate, selected by the JSON type of the value.
public final class QAPISchemaAlternatives: QAPISchemaVariants {
    init(info: QAPISourceInfo?, variants: [QAPISchemaVariant], tagMember: QAPISchemaObjectTypeMember) {
        super.init(info: info, variants: variants)
        resolvedTagMember = tagMember
    }
}
