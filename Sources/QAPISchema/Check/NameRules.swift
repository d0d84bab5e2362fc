extension ExpressionRules {
    /// Requires `name` to be a string; returns it.
    @discardableResult
    static func checkNameIsString(
        _ name: SchemaValue, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) -> String {
        guard case .string(let text) = name else {
            throw QAPIError(info, "\(source()) requires a string name")
        }
        return text
    }

    /// Requires a valid QAPI name outside the reserved `q_` namespace;
    /// returns its stem (the name without prefixes).
    @discardableResult
    static func checkNameString(
        _ name: Substring, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) -> Substring {
        guard let stem = QAPINameGrammar.stem(of: name), !cNameHasPrefix(name, "q") else {
            throw QAPIError(info, "\(source()) has an invalid name")
        }
        return stem
    }

    /// An event name: a valid name whose stem has no lowercase letter or `-`.
    static func checkNameUpper(
        _ name: Substring, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) {
        let stem = try checkNameString(name, info, source())
        if stem.utf8.contains(where: { isLowercaseByte($0) || $0 == UInt8(ascii: "-") }) {
            throw QAPIError(info, "name of \(source()) must not use lowercase or '-'")
        }
    }

    /// A command or member name: a valid name whose stem has no uppercase
    /// letter or `_`, unless permitted.
    static func checkNameLower(
        _ name: Substring, _ info: QAPISourceInfo, _ source: @autoclosure () -> String,
        permitUpper: Bool = false, permitUnderscore: Bool = false
    ) throws(QAPIError) {
        let stem = try checkNameString(name, info, source())
        if permitUpper && permitUnderscore { return }
        if stem.utf8.contains(where: {
            (!permitUpper && isUppercaseByte($0)) || (!permitUnderscore && $0 == UInt8(ascii: "_"))
        }) {
            throw QAPIError(info, "name of \(source()) must not use uppercase or '_'")
        }
    }

    /// A type name: a valid name whose stem is CamelCase (a capital, then
    /// letters and digits including at least one lowercase letter).
    static func checkNameCamel(
        _ name: Substring, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) {
        let stem = try checkNameString(name, info, source())
        if !isCamelCase(stem) {
            throw QAPIError(info, "name of \(source()) must use CamelCase")
        }
    }

    /// Checks a definition's name by its meta-type: events upper case,
    /// commands lower case (`_` allowed for `command-name-exceptions`),
    /// types CamelCase and not ending in `List`.
    static func checkDefinitionName(_ name: String, _ info: QAPISourceInfo, meta: String) throws(QAPIError) {
        switch meta {
        case "event":
            try checkNameUpper(name[...], info, meta)
        case "command":
            try checkNameLower(
                name[...], info, meta,
                permitUnderscore: info.pragma.commandNameExceptions.contains(name))
        default:
            try checkNameCamel(name[...], info, meta)
            if name.utf8.count >= 4 && name.utf8.suffix(4).elementsEqual("List".utf8) {
                throw QAPIError(info, "\(meta) name should not end in 'List'")
            }
        }
    }

    /// Whether the stem is a capital followed by ASCII letters and digits
    /// with at least one lowercase letter. Non-ASCII characters fail, so
    /// looking at UTF-8 bytes is exact.
    private static func isCamelCase(_ stem: Substring) -> Bool {
        let bytes = stem.utf8
        guard let first = bytes.first, isUppercaseByte(first) else { return false }
        var hasLowercase = false
        for byte in bytes.dropFirst() {
            if isLowercaseByte(byte) {
                hasLowercase = true
            } else if !isUppercaseByte(byte) && !isDigitByte(byte) {
                return false
            }
        }
        return hasLowercase
    }
}
