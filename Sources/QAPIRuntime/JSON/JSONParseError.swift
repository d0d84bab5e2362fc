/// An error from QEMU's JSON layer, carrying QEMU's exact text.
///
/// The text is what QMP sends as the `desc` of a GenericError response,
/// for example `JSON parse error, stray '@'` or
/// `JSON nesting depth limit exceeded`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which stage of the JSON layer reported the error.
    public enum Stage: Sendable, Hashable {
        /// The lexer found a byte that is invalid where it is (`stray '…'`).
        case lexer
        /// The streamer hit a size, count or nesting limit.
        case limit
        /// The parser rejected a complete token sequence.
        case parser
    }

    /// The stage that reported the error.
    public var stage: Stage
    /// The exact error text, as QEMU words it.
    public var message: String

    /// An error with the given stage and text.
    public init(stage: Stage, message: String) {
        self.stage = stage
        self.message = message
    }

    /// The exact error text.
    public var description: String { message }
}

extension JSONParseError {
    /// `JSON parse error, ` followed by `detail`, as the parser reports.
    static func parser(_ detail: String) -> JSONParseError {
        JSONParseError(stage: .parser, message: "JSON parse error, " + detail)
    }

    /// `JSON parse error, stray '…'` for the raw token bytes.
    static func stray<Bytes: Collection>(_ token: Bytes) -> JSONParseError
    where Bytes.Element == UInt8 {
        JSONParseError(
            stage: .lexer,
            message: "JSON parse error, stray '" + QEMUUTF8.lossyString(token) + "'")
    }

    /// `JSON token size limit exceeded`.
    static let tokenSizeLimit = JSONParseError(
        stage: .limit, message: "JSON token size limit exceeded")
    /// `JSON token count limit exceeded`.
    static let tokenCountLimit = JSONParseError(
        stage: .limit, message: "JSON token count limit exceeded")
    /// `JSON nesting depth limit exceeded`.
    static let nestingLimit = JSONParseError(
        stage: .limit, message: "JSON nesting depth limit exceeded")
}
