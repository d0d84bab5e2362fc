extension ExpressionRules {
    /// Checks a `command` definition: arguments (a type name when boxed, else
    /// a type name or implicit type) and `returns` (a type name or array).
    static func checkCommand(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        try checkArguments(&definition, info)
        try checkTypeNameOrArray(definition["returns"], info, "'returns'")
    }

    /// Checks an `event` definition's arguments, as for a command.
    static func checkEvent(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        try checkArguments(&definition, info)
    }

    /// `boxed` requires `data` naming a type; otherwise `data` is optional
    /// and may also define an implicit type.
    private static func checkArguments(_ definition: inout SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        let arguments = definition["data"]
        if definition["boxed"]?.isTruthy ?? false {
            guard arguments != nil else {
                throw QAPIError(info, "'boxed': true requires 'data'")
            }
            try checkTypeName(arguments, info, "'data'")
        } else if let checked = try checkTypeNameOrImplicit(arguments, info, "'data'", parentName: nil) {
            definition["data"] = checked
        }
    }
}
