/// The kinds of token the lexer hands to the streamer.
enum JSONTokenKind: Sendable {
    case leftBrace
    case rightBrace
    case leftBracket
    case rightBracket
    case colon
    case comma
    case integer
    case float
    case keyword
    case string
    /// A string token whose body is ASCII without escapes: its bytes,
    /// quotes aside, are the string.
    case plainString
}
