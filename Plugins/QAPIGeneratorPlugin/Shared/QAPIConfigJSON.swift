// Compiled into the build plugin and, through a symbolic link to this
// file, into QAPICodegen: the JSON reader behind QAPIGeneratorConfig. It
// must not import anything (the plugin's copy of Foundation is not the
// generator's, and QAPICodegen has no Foundation at all).

/// A line and column in a configuration file, both counted from 1; the
/// column counts characters (UTF-8 sequences), not bytes.
public struct QAPIConfigPosition: Sendable, Hashable {
    /// The line.
    public var line: Int
    /// The column.
    public var column: Int

    /// A position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A JSON value of a configuration file with the position where it
/// starts; kinds are kept apart, so that `1` is never taken for `true`.
struct QAPIConfigValue {
    /// One member of an object, in file order.
    struct Member {
        /// The member's name.
        let key: String
        /// Where the name starts.
        let keyPosition: QAPIConfigPosition
        /// The member's value.
        let value: QAPIConfigValue
    }

    /// What kind of value this is, with its contents.
    enum Kind {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number (its text is not needed).
        case number
        /// A string.
        case string(String)
        /// An array.
        case array([QAPIConfigValue])
        /// An object, members in file order (a repeated name stays repeated).
        case object([Member])
    }

    /// The kind and contents.
    let kind: Kind
    /// Where the value starts.
    let position: QAPIConfigPosition

    /// The kind of value with an article, for messages ("a boolean").
    var kindDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Reads one JSON text (RFC 8259) into a `QAPIConfigValue`.
struct QAPIConfigJSONReader {
    /// Why a text is not JSON, and where.
    struct SyntaxError: Error {
        /// Where the problem is.
        let position: QAPIConfigPosition
        /// What is wrong.
        let reason: String
    }

    /// The deepest nesting of arrays and objects read (a configuration
    /// needs two levels; the limit keeps the recursion bounded).
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    /// Reads the whole of `bytes` as one JSON value.
    static func read(_ bytes: [UInt8]) throws(SyntaxError) -> QAPIConfigValue {
        var reader = QAPIConfigJSONReader(bytes: bytes)
        // Decoding replaces invalid sequences, so a text that does not come
        // back byte for byte was not UTF-8.
        if Array(String(decoding: bytes, as: UTF8.self).utf8) != bytes {
            throw SyntaxError(position: QAPIConfigPosition(line: 1, column: 1), reason: "the text is not UTF-8")
        }
        reader.skipWhitespace()
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        if reader.offset < bytes.count { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The current position.
    private var position: QAPIConfigPosition {
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return QAPIConfigPosition(line: line, column: column)
    }

    private func error(_ reason: String) -> SyntaxError {
        SyntaxError(position: position, reason: reason)
    }

    /// Advances to `target`, keeping count of lines.
    private mutating func move(to target: Int) {
        while offset < target {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                move(to: offset + 1)
            default:
                return
            }
        }
    }

    private mutating func readValue(depth: Int) throws(SyntaxError) -> QAPIConfigValue {
        let start = position
        guard offset < bytes.count else { throw error("unexpected end of file, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return QAPIConfigValue(kind: .object(try readObject(depth: depth + 1)), position: start)
        case UInt8(ascii: "["):
            return QAPIConfigValue(kind: .array(try readArray(depth: depth + 1)), position: start)
        case UInt8(ascii: "\""):
            return QAPIConfigValue(kind: .string(try readString()), position: start)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return QAPIConfigValue(kind: .bool(true), position: start)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return QAPIConfigValue(kind: .bool(false), position: start)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return QAPIConfigValue(kind: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber()
            return QAPIConfigValue(kind: .number, position: start)
        default:
            throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func readObject(depth: Int) throws(SyntaxError) -> [QAPIConfigValue.Member] {
        if depth > Self.maximumDepth { throw error("arrays and objects nested too deeply") }
        move(to: offset + 1)
        skipWhitespace()
        var members: [QAPIConfigValue.Member] = []
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            move(to: offset + 1)
            return members
        }
        while true {
            let keyPosition = position
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let key = try readString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw error("expected ':' after the member name, found \(describeCurrent())")
            }
            move(to: offset + 1)
            skipWhitespace()
            let value = try readValue(depth: depth)
            members.append(QAPIConfigValue.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            if try readSeparator(closing: "}", after: "an object member") { return members }
        }
    }

    private mutating func readArray(depth: Int) throws(SyntaxError) -> [QAPIConfigValue] {
        if depth > Self.maximumDepth { throw error("arrays and objects nested too deeply") }
        move(to: offset + 1)
        skipWhitespace()
        var items: [QAPIConfigValue] = []
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            move(to: offset + 1)
            return items
        }
        while true {
            items.append(try readValue(depth: depth))
            skipWhitespace()
            if try readSeparator(closing: "]", after: "an array element") { return items }
        }
    }

    /// Reads `,` (then whitespace; returns false) or the closing bracket
    /// (returns true).
    private mutating func readSeparator(closing: Unicode.Scalar, after what: String) throws(SyntaxError) -> Bool {
        guard offset < bytes.count else { throw error("unexpected end of file after \(what)") }
        if bytes[offset] == UInt8(ascii: closing) {
            move(to: offset + 1)
            return true
        }
        guard bytes[offset] == UInt8(ascii: ",") else {
            throw error("expected ',' or '\(closing)' after \(what), found \(describeCurrent())")
        }
        move(to: offset + 1)
        skipWhitespace()
        return false
    }

    private mutating func readLiteral(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw error("expected a value, found \(describeCurrent())")
        }
        move(to: offset + expected.count)
    }

    private mutating func readNumber() throws(SyntaxError) {
        func digits() -> Int {
            var count = 0
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                offset += 1
                count += 1
            }
            return count
        }
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid, offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            valid = digits() > 0
        }
        if valid, offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            valid = digits() > 0
        }
        let end = offset
        offset = start
        if !valid { throw error("invalid number") }
        move(to: end)
    }

    /// Reads a string from its opening quote to its closing one.
    private mutating func readString() throws(SyntaxError) -> String {
        move(to: offset + 1)
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun() {
            scalars.append(contentsOf: String(decoding: bytes[runStart..<offset], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard offset < bytes.count else { throw error("unexpected end of file in a string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                flushRun()
                move(to: offset + 1)
                return String(scalars)
            }
            if byte < 0x20 { throw error("control character in a string (write it as an escape sequence)") }
            if byte == UInt8(ascii: "\\") {
                flushRun()
                scalars.append(try readEscape())
                runStart = offset
                continue
            }
            offset += 1
        }
    }

    /// Reads an escape sequence from its backslash.
    private mutating func readEscape() throws(SyntaxError) -> Unicode.Scalar {
        guard offset + 1 < bytes.count else { throw error("unexpected end of file in a string") }
        let letter = bytes[offset + 1]
        let simple: Unicode.Scalar? =
            switch letter {
            case UInt8(ascii: "\""): "\""
            case UInt8(ascii: "\\"): "\\"
            case UInt8(ascii: "/"): "/"
            case UInt8(ascii: "b"): "\u{8}"
            case UInt8(ascii: "f"): "\u{C}"
            case UInt8(ascii: "n"): "\n"
            case UInt8(ascii: "r"): "\r"
            case UInt8(ascii: "t"): "\t"
            default: nil
            }
        if let simple {
            move(to: offset + 2)
            return simple
        }
        guard letter == UInt8(ascii: "u") else { throw error("invalid escape sequence in a string") }
        let high = try readHexEscape()
        if !(0xD800...0xDFFF).contains(high) { return Unicode.Scalar(high)! }
        guard high < 0xDC00, offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
            bytes[offset + 1] == UInt8(ascii: "u")
        else { throw error("unpaired surrogate in a \\u escape sequence") }
        let low = try readHexEscape()
        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in a \\u escape sequence") }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    /// Reads `\uXXXX` from its backslash and returns the code unit.
    private mutating func readHexEscape() throws(SyntaxError) -> UInt32 {
        guard bytes.count - offset >= 6 else { throw error("invalid \\u escape sequence in a string") }
        var value: UInt32 = 0
        for byte in bytes[offset + 2..<offset + 6] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape sequence in a string")
            }
            value = value << 4 | UInt32(digit)
        }
        move(to: offset + 6)
        return value
    }

    /// The character at the current offset, quoted, for messages.
    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "the end of the file" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
    }
}
