extension ExpressionRules {
    /// Checks an `enum` definition named `name`; desugars its values to
    /// objects and their features.
    static func checkEnum(_ definition: inout SchemaObject, name: String, _ info: QAPISourceInfo) throws(QAPIError) {
        guard case .list(let values) = definition["data"] else {
            throw QAPIError(info, "'data' must be an array")
        }
        if let prefix = definition["prefix"], prefix.stringValue == nil {
            throw QAPIError(info, "'prefix' must be a string")
        }
        let permissive = info.pragma.memberNameExceptions.contains(name)
        let source = "'data' member"
        var normalized: [SchemaValue] = []
        normalized.reserveCapacity(values.count)
        for value in values {
            if case .string(let memberName) = value {
                // `{'name': memberName}` has the right keys, no condition, no features.
                try checkEnumValueName(memberName, info, source, permissive: permissive)
                normalized.append(.object(SchemaObject([("name", value)])))
                continue
            }
            var member = value.objectValue ?? SchemaObject([("name", value)])
            try checkKeys(member, info, source, required: ["name"], optional: ["if", "features"])
            let memberName = try checkNameIsString(member["name"]!, info, source)
            try checkEnumValueName(memberName, info, source, permissive: permissive)
            try checkIf(member, info, "\(source) '\(memberName)'")
            if let features = try checkFeatures(member["features"], info) {
                member["features"] = features
            }
            normalized.append(.object(member))
        }
        definition["data"] = .list(normalized)
    }

    /// An enum value is a lower-case name (unless `permissive`) that may
    /// start with a digit: it is checked as if a letter came first.
    private static func checkEnumValueName(
        _ name: String, _ info: QAPISourceInfo, _ source: String, permissive: Bool
    ) throws(QAPIError) {
        let startsWithDigit = name.utf8.first.map(isDigitByte) ?? false
        let checked = startsWithDigit ? ("d" + name)[...] : name[...]
        try checkNameLower(
            checked, info, "\(source) '\(name)'", permitUpper: permissive, permitUnderscore: permissive)
    }

    /// Checks a `struct` definition: `data` an implicit type, `base` a type name.
    static func checkStruct(_ definition: inout SchemaObject, name: String, _ info: QAPISourceInfo) throws(QAPIError) {
        definition["data"] = try checkTypeImplicit(definition["data"], info, "'data'", parentName: name)
        try checkTypeName(definition["base"], info, "'base'")
    }

    /// Checks a `union` definition: `base` a type name or implicit type,
    /// `discriminator` a string, `data` an object of branches naming types.
    static func checkUnion(_ definition: inout SchemaObject, name: String, _ info: QAPISourceInfo) throws(QAPIError) {
        if let base = try checkTypeNameOrImplicit(definition["base"], info, "'base'", parentName: name) {
            definition["base"] = base
        }
        try checkNameIsString(definition["discriminator"]!, info, "'discriminator'")
        guard case .object(let branches) = definition["data"] else {
            throw QAPIError(info, "'data' must be an object")
        }
        definition["data"] = try checkBranches(branches, info, alternate: false)
    }

    /// Checks an `alternate` definition: `data` a non-empty object of
    /// branches naming types or array types.
    static func checkAlternate(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        guard let data = definition["data"], data.isTruthy else {
            throw QAPIError(info, "'data' must not be empty")
        }
        guard case .object(let branches) = data else {
            throw QAPIError(info, "'data' must be an object")
        }
        definition["data"] = try checkBranches(branches, info, alternate: true)
    }
}
