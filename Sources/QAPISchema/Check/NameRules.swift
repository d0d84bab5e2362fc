extension ExpressionRules {
    /// Requires `name` to be a string; returns it.
    @discardableResult
    static func checkNameIsString(
        _ name: SchemaValue, _ info: QAPISourceInfo, _ source: String
    ) throws(QAPIError) -> String {
        guard case .string(let text) = name else {
            throw QAPIError(info, "\(source) requires a string name")
        }
        return text
    }

    /// Requires a valid QAPI name outside the reserved `q_` namespace;
    /// returns its stem (the name without prefixes).
    @discardableResult
    static func checkNameString(_ name: String, _ info: QAPISourceInfo, _ source: String) throws(QAPIError) -> String {
        guard let stem = QAPINameGrammar.stem(of: name), !unprotectedCName(name).hasPrefix("q_") else {
            throw QAPIError(info, "\(source) has an invalid name")
        }
        return stem
    }

    /// An event name: a valid name whose stem has no lowercase letter or `-`.
    static func checkNameUpper(_ name: String, _ info: QAPISourceInfo, _ source: String) throws(QAPIError) {
        let stem = try checkNameString(name, info, source)
        if stem.unicodeScalars.contains(where: { ("a"..."z").contains($0) || $0 == "-" }) {
            throw QAPIError(info, "name of \(source) must not use lowercase or '-'")
        }
    }

    /// A command or member name: a valid name whose stem has no uppercase
    /// letter or `_`, unless permitted.
    static func checkNameLower(
        _ name: String, _ info: QAPISourceInfo, _ source: String,
        permitUpper: Bool = false, permitUnderscore: Bool = false
    ) throws(QAPIError) {
        let stem = try checkNameString(name, info, source)
        let scalars = stem.unicodeScalars
        if (!permitUpper && scalars.contains(where: { ("A"..."Z").contains($0) }))
            || (!permitUnderscore && scalars.contains("_")) {
            throw QAPIError(info, "name of \(source) must not use uppercase or '_'")
        }
    }

    /// A type name: a valid name whose stem is CamelCase (a capital, then
    /// letters and digits including at least one lowercase letter).
    static func checkNameCamel(_ name: String, _ info: QAPISourceInfo, _ source: String) throws(QAPIError) {
        let stem = try checkNameString(name, info, source)
        if !isCamelCase(stem) {
            throw QAPIError(info, "name of \(source) must use CamelCase")
        }
    }

    /// Checks a definition's name by its meta-type: events upper case,
    /// commands lower case (`_` allowed for `command-name-exceptions`),
    /// types CamelCase and not ending in `List`.
    static func checkDefinitionName(_ name: String, _ info: QAPISourceInfo, meta: String) throws(QAPIError) {
        switch meta {
        case "event":
            try checkNameUpper(name, info, meta)
        case "command":
            try checkNameLower(
                name, info, meta,
                permitUnderscore: info.pragma.commandNameExceptions.contains(name))
        default:
            try checkNameCamel(name, info, meta)
            if name.hasSuffix("List") {
                throw QAPIError(info, "\(meta) name should not end in 'List'")
            }
        }
    }

    private static func isCamelCase(_ stem: String) -> Bool {
        let scalars = Array(stem.unicodeScalars)
        guard let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        let rest = scalars.dropFirst()
        let isAlphanumeric: (Unicode.Scalar) -> Bool = {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        return rest.allSatisfy(isAlphanumeric) && rest.contains { ("a"..."z").contains($0) }
    }
}
