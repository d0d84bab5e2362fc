/// The few tokens of QAPI's schema language the include scanner needs:
/// brackets, punctuation and single-quoted strings. Comments (`#` to the
/// end of the line, outside strings) are skipped; anything else (words
/// such as `true`, stray characters) is ignored.
struct SchemaTokenizer {
    /// One token.
    enum Token: Equatable {
        /// `{`.
        case openBrace
        /// `[`.
        case openBracket
        /// `}` or `]`.
        case close
        /// `:`.
        case colon
        /// `,`.
        case comma
        /// A string's value (`\\` escapes resolved).
        case string(String)
    }

    /// The schema file's bytes.
    private let text: [UInt8]
    /// The offset of the next unread byte.
    private var offset = 0

    /// Creates a tokenizer over one file's bytes.
    init(text: [UInt8]) {
        self.text = text
    }

    /// The next token, or `nil` at the end of the text.
    mutating func next() -> Token? {
        while offset < text.count {
            let byte = text[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "#"):
                while offset < text.count, text[offset] != UInt8(ascii: "\n") { offset += 1 }
            case UInt8(ascii: "{"):
                return .openBrace
            case UInt8(ascii: "["):
                return .openBracket
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                return .close
            case UInt8(ascii: ":"):
                return .colon
            case UInt8(ascii: ","):
                return .comma
            case UInt8(ascii: "'"):
                return .string(readString())
            default:
                continue
            }
        }
        return nil
    }

    /// Reads a string's remaining bytes up to its closing quote; a
    /// backslash takes the next byte literally. An unterminated string
    /// ends at the end of its line (the generator reports it).
    private mutating func readString() -> String {
        var bytes: [UInt8] = []
        while offset < text.count {
            let byte = text[offset]
            if byte == UInt8(ascii: "\n") { break }
            offset += 1
            if byte == UInt8(ascii: "'") { break }
            if byte == UInt8(ascii: "\\"), offset < text.count, text[offset] != UInt8(ascii: "\n") {
                bytes.append(text[offset])
                offset += 1
                continue
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
