/// Namespace for the individual rules of the expression checks; each file
/// of this folder adds one group of rules.
///
/// The rules take values as the parser produced them and either throw the
/// first violation found (in QEMU's order, with QEMU's words) or return the
/// value in its canonical, desugared form. Message texts (`source`) are
/// built only when a rule fails.
enum ExpressionRules {}

extension SchemaValue {
    /// Whether Python would treat the value as true in a condition:
    /// `true`, a non-empty string, a non-empty array or object.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }

    /// Whether the value is exactly the boolean `flag` (Python's `is True` /
    /// `is False`).
    func isBool(_ flag: Bool) -> Bool {
        if case .bool(let value) = self { return value == flag }
        return false
    }
}

extension ExpressionRules {
    /// Sorts strings by code point, the way Python's `sorted()` does.
    static func codePointSorted<S: Sequence<String>>(_ strings: S) -> [String] {
        strings.sorted { lhs, rhs in
            lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
        }
    }

    /// Whether QEMU's `c_name(name, False)` starts with `letters` then `_`:
    /// `c_name` keeps ASCII letters, digits and `_` and turns every other
    /// character into `_`, so the name must start with the (ASCII) letters,
    /// followed by a character that is not an ASCII letter or digit.
    static func cNameHasPrefix(_ name: Substring, _ letters: StaticString) -> Bool {
        let bytes = name.utf8
        var index = bytes.startIndex
        for letter in UnsafeBufferPointer(start: letters.utf8Start, count: letters.utf8CodeUnitCount) {
            guard index < bytes.endIndex, bytes[index] == letter else { return false }
            index = bytes.index(after: index)
        }
        guard index < bytes.endIndex else { return false }
        let next = bytes[index]
        return !(isLowercaseByte(next) || isUppercaseByte(next) || isDigitByte(next))
    }

    /// Whether `strings` contains `string`. Comparing lengths first makes
    /// this much cheaper than `contains` when most strings differ; it is
    /// exact for the key lists of the rules (lower-case ASCII letters and
    /// `-`, to which no other string is canonically equivalent).
    static func isAmong(_ string: String, _ strings: [String]) -> Bool {
        let count = string.utf8.count
        return strings.contains { $0.utf8.count == count && $0 == string }
    }

    /// Whether `byte` is `a`...`z`.
    static func isLowercaseByte(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

    /// Whether `byte` is `A`...`Z`.
    static func isUppercaseByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

    /// Whether `byte` is `0`...`9`.
    static func isDigitByte(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
