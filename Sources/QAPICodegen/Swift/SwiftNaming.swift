/// The rules that turn QAPI names into Swift identifiers.
///
/// * Type names stay as written where Swift allows them; `-` and `.`
///   become `_` (`__org.qemu_Struct` is `__org_qemu_Struct`).
/// * Members, enum values, branches and handler methods are lowerCamel:
///   the name is split at `-`, `_` and `.`, the first word starts in lower
///   case (a word written all in capitals is lowered whole) and later
///   words start in upper case (`node-name` is `nodeName`, `ACPI` is
///   `acpi`, `x-perf` is `xPerf`).
/// * Command namespaces and event types are UpperCamel (`query-version`
///   is `QueryVersion`, `BLOCK_JOB_COMPLETED` is `BlockJobCompleted`).
/// * A name that starts with a digit gets a leading `_`.
/// * Swift keywords are escaped with backticks; the few words backticks
///   cannot make usable as a name (`self`, `Type`, `init`, ...) get a
///   trailing `_` instead.
public enum SwiftNaming {
    /// The Swift name of a QAPI type.
    public static func typeName(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            result.unicodeScalars.append(isIdentifierScalar(scalar) ? scalar : "_")
        }
        if let first = result.unicodeScalars.first, isDigit(first) { result = "_" + result }
        if reservedTypeNames.contains(result) { result += "_" }
        return result
    }

    /// The lowerCamel Swift name of a member, enum value, branch or
    /// command method, unescaped.
    public static func lowerCamel(_ name: String) -> String {
        camel(name, upperFirst: false)
    }

    /// The UpperCamel Swift name of a command namespace or event type.
    public static func upperCamel(_ name: String) -> String {
        let result = camel(name, upperFirst: true)
        return reservedTypeNames.contains(result) ? result + "_" : result
    }

    /// `identifier` made usable as a declared name: backticks around a
    /// keyword, a trailing `_` for words even backticks cannot carry.
    public static func escaped(_ identifier: String) -> String {
        if unusableWords.contains(identifier) { return identifier + "_" }
        if keywords.contains(identifier) { return "`\(identifier)`" }
        return identifier
    }

    /// The lowerCamel name of a member, escaped for declarations and uses.
    public static func memberName(_ name: String) -> String {
        escaped(lowerCamel(name))
    }

    /// `identifier` without escaping backticks, for comparing names.
    public static func bare(_ identifier: String) -> String {
        identifier.hasPrefix("`") ? String(identifier.dropFirst().dropLast()) : identifier
    }

    private static func camel(_ name: String, upperFirst: Bool) -> String {
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        var result = ""
        for (index, word) in words.enumerated() {
            if index == 0 && !upperFirst {
                result += isAllUppercase(word) ? word.lowercased() : lowerFirst(word)
            } else {
                result += isAllUppercase(word) ? upperFirstOnly(word.lowercased()) : upperFirstOnly(word)
            }
        }
        if result.isEmpty { result = "_" }
        if let first = result.unicodeScalars.first, isDigit(first) { result = "_" + result }
        return result
    }

    private static func isAllUppercase(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.isUppercase }
            && !word.unicodeScalars.contains { $0.properties.isLowercase }
    }

    private static func lowerFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    private static func upperFirstOnly(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || isDigit(scalar) || scalar == "_"
    }

    /// Type names that would break generated code or cannot be declared:
    /// the modules generated code names, and Swift's special type names.
    static let reservedTypeNames: Set<String> = [
        "Swift", "QAPIRuntime", "Self", "Type", "Protocol", "Any", "AnyObject", "_",
    ]

    /// Words that are not usable as declared names even in backticks, or
    /// that would change meaning (`self`, `init` ...).
    static let unusableWords: Set<String> = [
        "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "_",
    ]

    /// Swift's keywords and the contextual words that need backticks in a
    /// declaration or member access.
    static let keywords: Set<String> = [
        "associatedtype", "class", "enum", "extension", "fileprivate", "func", "import", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "super", "throws", "true", "try", "package", "async", "some", "any", "borrowing", "consuming",
    ]
}
