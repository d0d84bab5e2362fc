/// QEMU's mapping of schema names to C identifiers, which the schema uses
/// to decide when two member names clash.
enum QAPICName {
    /// Words that QEMU protects with a `q_` prefix: C, C++ and GCC
    /// keywords plus a few names that system headers define as macros.
    private static let protectedWords: Set<String> = [
        // C89
        "auto", "break", "case", "char", "const", "continue", "default", "do",
        "double", "else", "enum", "extern", "float", "for", "goto", "if", "int",
        "long", "register", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
        "while",
        // C99
        "inline", "restrict", "_Bool", "_Complex", "_Imaginary",
        // C11
        "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn",
        "_Static_assert", "_Thread_local",
        // GCC
        "asm", "typeof",
        // C++
        "bool", "catch", "class", "const_cast", "delete", "dynamic_cast",
        "explicit", "false", "friend", "mutable", "namespace", "new", "operator",
        "private", "protected", "public", "reinterpret_cast", "static_cast",
        "template", "this", "throw", "true", "try", "typeid", "typename",
        "using", "virtual", "wchar_t",
        "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or",
        "or_eq", "xor", "xor_eq",
        // Macros of system headers
        "unix", "errno", "mips", "sparc", "i386", "linux",
    ]

    /// `name` with every character other than an ASCII letter, digit or
    /// `_` replaced by `_`; if `protect`, keywords and names starting with
    /// a digit get a `q_` prefix.
    static func cName(_ name: String, protect: Bool = true) -> String {
        var bytes: [UInt8] = []
        var changed = false
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_":
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            default:
                bytes.append(UInt8(ascii: "_"))
                changed = true
            }
        }
        let mapped = changed ? String(decoding: bytes, as: UTF8.self) : name
        if protect {
            if let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                return "q_" + mapped
            }
            if protectedWords.contains(mapped) { return "q_" + mapped }
        }
        return mapped
    }
}
