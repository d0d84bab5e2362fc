/// The grammar of QAPI names: an optional downstream prefix `__RFQDN_`,
/// an optional experimental prefix `x-`, then the stem, a letter followed
/// by letters, digits, `-` and `_`. Letters match regardless of case.
///
/// Matching follows the regular expression QEMU uses, including two
/// quirks of Python's engine: a single trailing newline is tolerated at
/// the end, and case-insensitive letters include the four non-ASCII
/// characters that fold onto ASCII ones (`İ`, `ı`, `ſ`, the Kelvin sign).
enum QAPINameGrammar {
    /// The stem of `name`, or `nil` if `name` is not a valid QAPI name.
    static func stem(of name: String) -> String? {
        var scalars = Array(name.unicodeScalars)
        if scalars.last == "\n" { scalars.removeLast() }
        var index = 0
        if scalars.count >= 2, scalars[0] == "_", scalars[1] == "_" {
            var cursor = 2
            while cursor < scalars.count, isPrefixScalar(scalars[cursor]) { cursor += 1 }
            guard cursor > 2, cursor < scalars.count, scalars[cursor] == "_" else { return nil }
            index = cursor + 1
        }
        let rest = scalars[index...]
        if rest.count >= 2, rest.first == "x" || rest.first == "X",
           rest[rest.startIndex + 1] == "-",
           isStem(rest.dropFirst(2)) {
            return string(rest.dropFirst(2))
        }
        return isStem(rest) ? string(rest) : nil
    }

    private static func isStem(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, isLetter(first) else { return false }
        return scalars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "-" }
    }

    private static func isPrefixScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar == "." || scalar == "-"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// A letter as a case-insensitive `[a-z]` sees it.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0x130, 0x131, 0x17F, 0x212A: return true
        default: return false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
