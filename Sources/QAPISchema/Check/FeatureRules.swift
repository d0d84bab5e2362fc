extension ExpressionRules {
    /// Checks a `features` value, if any, and returns it desugared: an
    /// array whose elements are all objects (`'name'` becomes
    /// `{'name': 'name'}`), each with a string `name` that is a valid
    /// lower-case name and an optional `if`.
    static func checkFeatures(_ features: SchemaValue?, _ info: QAPISourceInfo) throws(QAPIError) -> SchemaValue? {
        guard let features else { return nil }
        guard case .list(let items) = features else {
            throw QAPIError(info, "'features' must be an array")
        }
        let source = "'features' member"
        var normalized: [SchemaValue] = []
        normalized.reserveCapacity(items.count)
        for item in items {
            if case .string(let name) = item {
                // `{'name': name}` has the right keys and no condition.
                try checkNameLower(name[...], info, "\(source) '\(name)'")
                normalized.append(.object(SchemaObject([("name", item)])))
                continue
            }
            let feature = item.objectValue ?? SchemaObject([("name", item)])
            try checkKeys(feature, info, source, required: ["name"], optional: ["if"])
            let name = try checkNameIsString(feature["name"]!, info, source)
            try checkNameLower(name[...], info, "\(source) '\(name)'")
            try checkIf(feature, info, "\(source) '\(name)'")
            normalized.append(.object(feature))
        }
        return .list(normalized)
    }
}
