#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The schema lexer: turns a file's bytes into tokens, one at a time,
/// tracking the line (as a `QAPISourceInfo`) and the column of each token.
///
/// Token kinds follow QEMU's lexer: the structural characters `{ } : , [ ]`,
/// `'` for a string, `t`/`f` for `true`/`false`, `#` for a comment line
/// (returned only inside documentation blocks, or for a line starting a
/// `##` block), and end of input.
struct SchemaLexer {
    /// The kind of the current token.
    enum Token: Equatable {
        /// One of `{ } : , [ ]`.
        case punctuation(UInt8)
        /// A `'`-quoted string; the text is in `stringValue`.
        case string
        /// `true` or `false`; the value is in `boolValue`.
        case bool
        /// A comment line; the whole line (from `#`) is `commentBytes`.
        case comment
        /// End of input.
        case end
    }

    private let bytes: [UInt8]
    /// The current token.
    private(set) var token: Token = .end
    /// The text of a string token.
    private(set) var stringValue = ""
    /// The bytes of a comment token's line, from its `#` up to the newline.
    var commentBytes: ArraySlice<UInt8> { bytes[position..<cursor] }
    /// The value of a boolean token.
    private(set) var boolValue = false
    /// The location of the current line: made when first asked for, then
    /// the same object for every later request on that line (so that what
    /// the checks record on it reaches every holder, as with QEMU's
    /// per-line info). Lines nobody asks about cost nothing.
    var info: QAPISourceInfo {
        mutating get {
            if let lineInfo { return lineInfo }
            let made = firstLine.atLine(line)
            lineInfo = made
            return made
        }
    }
    /// The location of the file's first line.
    private let firstLine: QAPISourceInfo
    /// The current line number.
    private var line = 1
    /// The current line's location, once made.
    private var lineInfo: QAPISourceInfo?
    /// Byte offset of the current token.
    var position = 0
    private var cursor = 0
    private var lineStart = 0

    init(source: SchemaSource, info: QAPISourceInfo) {
        self.bytes = source.bytes
        self.firstLine = info
        self.lineInfo = info
    }

    /// A parse error at the current token, with its column (tabs advance
    /// to the next multiple of eight, as QEMU counts).
    func error(_ message: String) -> QAPIError {
        QAPIError(lineInfo ?? firstLine.atLine(line), message, column: column(of: position))
    }

    private func column(of offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < offset, index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\t") {
                column = (column + 7) % 8 + 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return column
    }

    /// Reads the next token. Ordinary comments are skipped unless
    /// `skipComments` is false; a comment starting with `##` is always
    /// returned.
    mutating func advance(skipComments: Bool = true) throws(QAPIError) {
        var skipComments = skipComments
        while true {
            position = cursor
            let byte = bytes[cursor]
            cursor += 1
            switch byte {
            case UInt8(ascii: "#"):
                if bytes[cursor] == UInt8(ascii: "#") { skipComments = false }
                cursor = endOfLine(from: cursor)
                if !skipComments {
                    token = .comment
                    return
                }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"),
                UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"):
                token = .punctuation(byte)
                return
            case UInt8(ascii: "'"):
                try lexString()
                return
            case UInt8(ascii: "t") where hasPrefix("true", at: position):
                token = .bool
                boolValue = true
                cursor += 3
                return
            case UInt8(ascii: "f") where hasPrefix("false", at: position):
                token = .bool
                boolValue = false
                cursor += 4
                return
            case UInt8(ascii: " "), 0x09, 0x0B...0x0D, 0x1C...0x1F:
                continue
            case UInt8(ascii: "\n"):
                if cursor == bytes.count {
                    token = .end
                    return
                }
                line += 1
                lineInfo = nil
                lineStart = cursor
            default:
                let (scalar, length) = decodeScalar(at: position)
                if !scalar.isPythonSpace {
                    throw error("stray '\(strayText(from: position))'")
                }
                cursor = position + length
            }
        }
    }

    /// The offset of the newline ending the line that `offset` is on.
    private func endOfLine(from offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) -> Int in
            let start = UnsafeRawPointer(buffer.baseAddress! + offset)
            guard let found = memchr(start, 0x0A, buffer.count - offset) else { return buffer.count - 1 }
            return offset + (UnsafeRawPointer(found) - start)
        }
    }

    private mutating func lexString() throws(QAPIError) {
        // Fast path: printable ASCII without escapes up to the closing quote.
        var end = cursor
        while end < bytes.count, bytes[end] >= 32, bytes[end] < 127,
            bytes[end] != UInt8(ascii: "'"), bytes[end] != UInt8(ascii: "\\")
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "'") {
            token = .string
            stringValue = String(decoding: bytes[cursor..<end], as: UTF8.self)
            cursor = end + 1
            return
        }
        var text: [UInt8] = []
        var escaped = false
        while true {
            let byte = bytes[cursor]
            cursor += 1
            if byte == UInt8(ascii: "\n") {
                throw error("missing terminating \"'\"")
            }
            if escaped {
                if byte != UInt8(ascii: "\\") {
                    let (scalar, length) = decodeScalar(at: cursor - 1)
                    cursor += length - 1
                    throw error("unknown escape \\\(Character(scalar))")
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                continue
            } else if byte == UInt8(ascii: "'") {
                token = .string
                stringValue = String(decoding: text, as: UTF8.self)
                return
            }
            if byte < 32 || byte >= 127 {
                throw error("funny character in string")
            }
            text.append(byte)
        }
    }

    private func hasPrefix(_ word: StaticString, at offset: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let start = word.utf8Start
        for index in 0..<count where bytes[offset + index] != start[index] { return false }
        return true
    }

    /// The character at `offset` and its length in bytes.
    private func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, scalar.utf8Length)
        }
        return (Unicode.Scalar(0xFFFD)!, 1)
    }

    /// The text shown for a stray character: it and what follows, up to
    /// the next structural character, quote or whitespace.
    private func strayText(from offset: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var index = offset
        while index < bytes.count {
            let (scalar, length) = decodeScalar(at: index)
            if "[]{}:,'".unicodeScalars.contains(scalar) || scalar.isPythonSpace { break }
            scalars.append(scalar)
            index += length
        }
        return String(scalars)
    }
}

private extension Unicode.Scalar {
    var utf8Length: Int {
        switch value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}
