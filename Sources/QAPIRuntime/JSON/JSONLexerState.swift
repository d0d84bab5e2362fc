/// The states of QEMU's JSON lexer.
enum JSONLexerState: Sendable {
    /// Between tokens.
    case start
    /// After a lexical error: skipping to a resynchronisation byte.
    case recovery
    /// Inside a double-quoted string.
    case doubleQuoted
    /// After a backslash in a double-quoted string.
    case doubleQuotedEscape
    /// Inside a single-quoted string.
    case singleQuoted
    /// After a backslash in a single-quoted string.
    case singleQuotedEscape
    /// After a leading `0` (or `-0`).
    case zero
    /// After a leading `-`.
    case sign
    /// In the integer digits of a number that does not start with 0.
    case digits
    /// After the decimal point.
    case mantissa
    /// In the fraction digits.
    case mantissaDigits
    /// After `e` or `E`.
    case exponent
    /// After the exponent's sign.
    case exponentSign
    /// In the exponent digits.
    case exponentDigits
    /// In a keyword (`[a-z]+`).
    case keyword
}
