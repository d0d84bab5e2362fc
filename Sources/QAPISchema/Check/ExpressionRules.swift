/// Namespace for the individual rules of the expression checks; each file
/// of this folder adds one group of rules.
///
/// The rules take values as the parser produced them and either throw the
/// first violation found (in QEMU's order, with QEMU's words) or return the
/// value in its canonical, desugared form.
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

    /// The name with every character other than an ASCII letter, digit or
    /// `_` replaced by `_` (QEMU's `c_name` without keyword protection).
    static func unprotectedCName(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            scalars.append(isCIdentifierScalar(scalar) ? scalar : "_")
        }
        return String(scalars)
    }

    /// Whether `scalar` is an ASCII letter, digit or `_`.
    static func isCIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }
}
