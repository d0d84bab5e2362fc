extension ExpressionRules {
    /// Checks an `enum` definition; desugars its values to objects and
    /// their features.
    static func checkEnum(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        let name = definition["enum"]?.stringValue ?? ""
        guard case .list(let values) = definition["data"] else {
            throw QAPIError(info, "'data' must be an array")
        }
        if let prefix = definition["prefix"], prefix.stringValue == nil {
            throw QAPIError(info, "'prefix' must be a string")
        }
        let permissive = info.pragma.memberNameExceptions.contains(name)
        var normalized = values.map { value -> SchemaObject in
            if case .object(let object) = value { return object }
            return SchemaObject([("name", value)])
        }
        for index in normalized.indices {
            let member = normalized[index]
            var source = "'data' member"
            try checkKeys(member, info, source, required: ["name"], optional: ["if", "features"])
            var memberName = try checkNameIsString(member["name"]!, info, source)
            source = "\(source) '\(memberName)'"
            // A value may start with a digit: check it as if a letter came first.
            if let first = memberName.unicodeScalars.first, ("0"..."9").contains(first) {
                memberName = "d" + memberName
            }
            try checkNameLower(memberName, info, source, permitUpper: permissive, permitUnderscore: permissive)
            try checkIf(member, info, source)
            if let features = try checkFeatures(member["features"], info) {
                normalized[index]["features"] = features
            }
        }
        definition["data"] = .list(normalized.map(SchemaValue.object))
    }

    /// Checks a `struct` definition: `data` an implicit type, `base` a type name.
    static func checkStruct(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        let name = definition["struct"]?.stringValue
        definition["data"] = try checkTypeImplicit(definition["data"], info, "'data'", parentName: name)
        try checkTypeName(definition["base"], info, "'base'")
    }

    /// Checks a `union` definition: `base` a type name or implicit type,
    /// `discriminator` a string, `data` an object of branches naming types.
    static func checkUnion(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        let name = definition["union"]?.stringValue
        if let base = try checkTypeNameOrImplicit(definition["base"], info, "'base'", parentName: name) {
            definition["base"] = base
        }
        try checkNameIsString(definition["discriminator"]!, info, "'discriminator'")
        guard case .object(let branches) = definition["data"] else {
            throw QAPIError(info, "'data' must be an object")
        }
        for (key, value) in branches {
            let source = "'data' member '\(key)'"
            guard case .object(let branch) = value else { continue }
            try checkKeys(branch, info, source, required: ["type"], optional: ["if"])
            try checkIf(branch, info, source)
            try checkTypeName(branch["type"], info, source)
        }
    }

    /// Checks an `alternate` definition: `data` a non-empty object of
    /// branches naming types or array types.
    static func checkAlternate(_ definition: SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        guard let data = definition["data"], data.isTruthy else {
            throw QAPIError(info, "'data' must not be empty")
        }
        guard case .object(let branches) = data else {
            throw QAPIError(info, "'data' must be an object")
        }
        for (key, value) in branches {
            let source = "'data' member '\(key)'"
            try checkNameLower(key, info, source)
            guard case .object(let branch) = value else { continue }
            try checkKeys(branch, info, source, required: ["type"], optional: ["if"])
            try checkIf(branch, info, source)
            try checkTypeNameOrArray(branch["type"], info, source)
        }
    }
}
