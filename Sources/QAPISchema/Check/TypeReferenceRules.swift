extension ExpressionRules {
    /// Desugars the members of an object value: a member whose value is not
    /// an object becomes `{'type': value}`. Other values are returned as is.
    static func normalizeMembers(_ members: SchemaValue?) -> SchemaValue? {
        guard case .object(var object) = members else { return members }
        for (key, value) in object where value.objectValue == nil {
            object[key] = .object(SchemaObject([("type", value)]))
        }
        return .object(object)
    }

    /// Allows nothing or a type name.
    static func checkTypeName(_ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String) throws(QAPIError) {
        guard let value, value.stringValue == nil else { return }
        throw QAPIError(info, "\(source) should be a type name")
    }

    /// Allows nothing, a type name, or an array type `['Name']`.
    static func checkTypeNameOrArray(_ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String) throws(QAPIError) {
        guard let value, value.stringValue == nil else { return }
        guard case .list(let items) = value else {
            throw QAPIError(info, "\(source) should be a type name or array")
        }
        if items.count != 1 || items[0].stringValue == nil {
            throw QAPIError(info, "\(source): array type must contain single type name")
        }
    }

    /// Allows nothing or an object defining an implicit struct type, and
    /// returns it with its members' features desugared. Member names must
    /// be lower case without `_` unless `parentName` is in the pragma
    /// `member-name-exceptions`; `u` and `has_*` are reserved.
    static func checkTypeImplicit(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String, parentName: String?
    ) throws(QAPIError) -> SchemaValue? {
        guard let value else { return nil }
        guard case .object(var members) = value else {
            throw QAPIError(info, "\(source) should be an object or type name")
        }
        let permissive = parentName.map(info.pragma.memberNameExceptions.contains) ?? false
        for (key, argument) in members {
            let keySource = "\(source) member '\(key)'"
            let name = key.unicodeScalars.first == "*" ? String(key.unicodeScalars.dropFirst()) : key
            try checkNameLower(name, info, keySource, permitUpper: permissive, permitUnderscore: permissive)
            let cName = unprotectedCName(name)
            if cName == "u" || cName.hasPrefix("has_") {
                throw QAPIError(info, "\(keySource) uses reserved name")
            }
            // Members were desugared to objects by normalizeMembers.
            guard case .object(var member) = argument else { continue }
            try checkKeys(member, info, keySource, required: ["type"], optional: ["if", "features"])
            try checkIf(member, info, keySource)
            if let features = try checkFeatures(member["features"], info) {
                member["features"] = features
                members[key] = .object(member)
            }
            try checkTypeNameOrArray(member["type"], info, keySource)
        }
        return .object(members)
    }

    /// Allows nothing, a type name, or an implicit struct type (see
    /// `checkTypeImplicit`); returns the value desugared.
    static func checkTypeNameOrImplicit(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String, parentName: String?
    ) throws(QAPIError) -> SchemaValue? {
        guard let value, value.stringValue == nil else { return value }
        return try checkTypeImplicit(value, info, source, parentName: parentName)
    }
}
