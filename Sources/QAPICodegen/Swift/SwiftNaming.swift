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
        var result = asciiIdentifier(name) ?? identifierByScalars(name)
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

    /// The lowerCamel name of a member, escaped for declarations and uses;
    /// a name in `reserved` (one the generated type already uses for
    /// itself) gets a trailing `_` instead.
    public static func memberName(_ name: String, reserved: Set<String> = []) -> String {
        let camel = lowerCamel(name)
        return reserved.contains(camel) ? camel + "_" : escaped(camel)
    }

    /// `identifier` without escaping backticks, for comparing names.
    public static func bare(_ identifier: String) -> String {
        identifier.hasPrefix("`") ? String(identifier.dropFirst().dropLast()) : identifier
    }

    /// `identifier` as an argument label at a call site, where only `inout`
    /// needs backticks (Swift warns about backticks on other keywords
    /// there: "keyword does not need to be escaped in argument list").
    static func argumentLabel(_ identifier: String) -> String {
        let bare = bare(identifier)
        return bare == "inout" ? identifier : bare
    }

    /// QAPI names are ASCII (the front end checks them), so this works on
    /// bytes; any other byte is kept as it is.
    private static func camel(_ name: String, upperFirst: Bool) -> String {
        name.withContiguousUTF8 { bytes in
            // The result is never longer than the name, plus a leading `_`.
            String(unsafeUninitializedCapacity: bytes.count + 1) { result in
                var count = 0
                var isFirstWord = true
                var start = 0
                for end in 0...bytes.count {
                    if end < bytes.count && !isSeparator(bytes[end]) { continue }
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    let allUpper = word.contains(where: isUpper) && !word.contains(where: isLower)
                    result[count] = isFirstWord && !upperFirst ? lowered(word[0]) : uppered(word[0])
                    for byte in word.dropFirst() { count += 1; result[count] = allUpper ? lowered(byte) : byte }
                    count += 1
                    isFirstWord = false
                }
                if count == 0 {
                    result[0] = UInt8(ascii: "_")
                    return 1
                }
                if result[0] >= UInt8(ascii: "0") && result[0] <= UInt8(ascii: "9") {
                    for index in stride(from: count, to: 0, by: -1) { result[index] = result[index - 1] }
                    result[0] = UInt8(ascii: "_")
                    count += 1
                }
                return count
            }
        }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func lowered(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 32 : byte }
    private static func uppered(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 32 : byte }

    /// `name` with each character that cannot be in an identifier
    /// replaced by `_`, for ASCII `name` (byte by byte); nil otherwise.
    private static func asciiIdentifier(_ name: String) -> String? {
        name.withContiguousUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index] = isIdentifierScalar(Unicode.Scalar(byte)) ? byte : UInt8(ascii: "_")
                }
                return bytes.count
            }
        }
    }

    /// `name` with each scalar that cannot be in an identifier replaced
    /// by `_`.
    private static func identifierByScalars(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            result.unicodeScalars.append(isIdentifierScalar(scalar) ? scalar : "_")
        }
        return result
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
