extension ExpressionRules {
    /// The desugared form `{'type': value}` of a member or branch given by
    /// its type alone.
    static func typeObject(_ value: SchemaValue) -> SchemaValue {
        .object(SchemaObject([("type", value)]))
    }

    /// Allows nothing or a type name.
    static func checkTypeName(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) {
        guard let value, value.stringValue == nil else { return }
        throw QAPIError(info, "\(source()) should be a type name")
    }

    /// Allows nothing, a type name, or an array type `['Name']`.
    static func checkTypeNameOrArray(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) {
        guard let value, value.stringValue == nil else { return }
        guard case .list(let items) = value else {
            throw QAPIError(info, "\(source()) should be a type name or array")
        }
        if items.count != 1 || items[0].stringValue == nil {
            throw QAPIError(info, "\(source()): array type must contain single type name")
        }
    }

    /// Allows nothing or an object defining an implicit struct type, and
    /// returns it desugared: members as objects (`{'type': ...}`), their
    /// features desugared. Member names must be lower case without `_`
    /// unless `parentName` is in the pragma `member-name-exceptions`; `u`
    /// and `has_*` are reserved.
    static func checkTypeImplicit(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String, parentName: String?
    ) throws(QAPIError) -> SchemaValue? {
        guard let value else { return nil }
        guard case .object(let members) = value else {
            throw QAPIError(info, "\(source) should be an object or type name")
        }
        let permissive = parentName.map(info.pragma.memberNameExceptions.contains) ?? false
        var desugared = members
        for (key, argument) in members {
            let name = key.utf8.first == UInt8(ascii: "*") ? Substring(key.unicodeScalars.dropFirst()) : key[...]
            try checkNameLower(
                name, info, "\(source) member '\(key)'", permitUpper: permissive, permitUnderscore: permissive)
            if (name.utf8.count == 1 && name.utf8.first == UInt8(ascii: "u")) || cNameHasPrefix(name, "has") {
                throw QAPIError(info, "\(source) member '\(key)' uses reserved name")
            }
            guard case .object(var member) = argument else {
                // `{'type': argument}` has the right keys and no condition or features.
                try checkTypeNameOrArray(argument, info, "\(source) member '\(key)'")
                desugared[key] = typeObject(argument)
                continue
            }
            try checkKeys(member, info, "\(source) member '\(key)'", required: ["type"], optional: ["if", "features"])
            try checkIf(member, info, "\(source) member '\(key)'")
            if let features = try checkFeatures(member["features"], info) {
                member["features"] = features
                desugared[key] = .object(member)
            }
            try checkTypeNameOrArray(member["type"], info, "\(source) member '\(key)'")
        }
        return .object(desugared)
    }

    /// Allows nothing, a type name, or an implicit struct type (see
    /// `checkTypeImplicit`); returns the value desugared.
    static func checkTypeNameOrImplicit(
        _ value: SchemaValue?, _ info: QAPISourceInfo, _ source: String, parentName: String?
    ) throws(QAPIError) -> SchemaValue? {
        guard let value, value.stringValue == nil else { return value }
        return try checkTypeImplicit(value, info, source, parentName: parentName)
    }

    /// Checks the branches of a union or alternate (`data`, an object) and
    /// returns them desugared (`{'type': ...}` objects). Each has keys
    /// `type` and optionally `if`; alternate branch names must be lower
    /// case and their types may be arrays, union branches name a type.
    static func checkBranches(
        _ branches: SchemaObject, _ info: QAPISourceInfo, alternate: Bool
    ) throws(QAPIError) -> SchemaValue {
        var desugared = branches
        for (key, value) in branches {
            if alternate {
                try checkNameLower(key[...], info, "'data' member '\(key)'")
            }
            // A branch given by its type alone, `{'type': value}`, has the right keys and no condition.
            let type: SchemaValue?
            if case .object(let branch) = value {
                try checkKeys(branch, info, "'data' member '\(key)'", required: ["type"], optional: ["if"])
                try checkIf(branch, info, "'data' member '\(key)'")
                type = branch["type"]
            } else {
                type = value
                desugared[key] = typeObject(value)
            }
            if alternate {
                try checkTypeNameOrArray(type, info, "'data' member '\(key)'")
            } else {
                try checkTypeName(type, info, "'data' member '\(key)'")
            }
        }
        return .object(desugared)
    }
}
