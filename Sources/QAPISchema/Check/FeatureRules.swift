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
        let normalized = items.map { item -> SchemaObject in
            if case .object(let object) = item { return object }
            return SchemaObject([("name", item)])
        }
        for feature in normalized {
            let source = "'features' member"
            try checkKeys(feature, info, source, required: ["name"], optional: ["if"])
            let name = try checkNameIsString(feature["name"]!, info, source)
            let namedSource = "\(source) '\(name)'"
            try checkNameLower(name, info, namedSource)
            try checkIf(feature, info, namedSource)
        }
        return .list(normalized.map(SchemaValue.object))
    }
}
