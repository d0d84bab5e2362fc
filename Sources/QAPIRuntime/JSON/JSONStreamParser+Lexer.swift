/// The lexer: a byte-level state machine with QEMU's transitions and
/// error recovery.
extension JSONStreamParser {
    /// Lexes `bytes`; returns how many were consumed (all of them unless
    /// `stopAfterResult` stopped early).
    ///
    /// Between tokens, whole tokens are lexed in place
    /// (`lexWholeTokens`); the state machine takes the rest: tokens cut
    /// by the end of `bytes`, malformed ones and recovery.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, stopAfterResult: Bool) -> Int {
        parser.prepareForTokens()
        var index = 0
        let count = bytes.count
        while index < count {
            switch state {
            case .start:
                index = lexWholeTokens(bytes, from: index, stopAfterResult: stopAfterResult)
                if index == count || (stopAfterResult && !pending.isEmpty) { return index }
                // The byte after a number or keyword may have left the
                // start state already.
                if state != .start { continue }
            case .doubleQuoted:
                index = appendStringRun(bytes, from: index, quote: UInt8(ascii: "\""))
                if index == count || (stopAfterResult && !pending.isEmpty) { return index }
            case .singleQuoted:
                index = appendStringRun(bytes, from: index, quote: UInt8(ascii: "'"))
                if index == count || (stopAfterResult && !pending.isEmpty) { return index }
            default:
                break
            }
            step(bytes[index])
            index += 1
            if token.count > limits.maxTokenBytes { oversizedToken() }
            if stopAfterResult && !pending.isEmpty { break }
        }
        return index
    }

    /// Appends the longest run of ordinary string bytes starting at
    /// `start` to the token, in one go; returns where the run ends.
    private mutating func appendStringRun(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8
    ) -> Int {
        // Stop where the token would pass the size limit, so that the
        // oversized token is cut at the same byte as QEMU cuts it.
        let room = limits.maxTokenBytes + 1 - token.count
        let end = start + min(bytes.count - start, room)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 || byte > 0xFD || byte == quote || byte == UInt8(ascii: "\\") { break }
            index += 1
        }
        if index > start {
            token.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if token.count > limits.maxTokenBytes { oversizedToken() }
        }
        return index
    }

    /// Processes one byte. A byte that ends a number or keyword is looked
    /// at again in the start state.
    mutating func step(_ byte: UInt8) {
        while true {
            switch state {
            case .start:
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    return
                case UInt8(ascii: "{"): structural(.leftBrace)
                case UInt8(ascii: "}"): structural(.rightBrace)
                case UInt8(ascii: "["): structural(.leftBracket)
                case UInt8(ascii: "]"): structural(.rightBracket)
                case UInt8(ascii: ","): structural(.comma)
                case UInt8(ascii: ":"): structural(.colon)
                case UInt8(ascii: "\""): enter(.doubleQuoted, byte)
                case UInt8(ascii: "'"): enter(.singleQuoted, byte)
                case UInt8(ascii: "0"): enter(.zero, byte)
                case UInt8(ascii: "1")...UInt8(ascii: "9"): enter(.digits, byte)
                case UInt8(ascii: "-"): enter(.sign, byte)
                case UInt8(ascii: "a")...UInt8(ascii: "z"): enter(.keyword, byte)
                default: lexicalError(byte)
                }
                return
            case .recovery:
                switch byte {
                case UInt8(ascii: "\t"):
                    return
                case 0x00..<0x20, 0xFE, 0xFF,
                    UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
                    UInt8(ascii: ":"), UInt8(ascii: ","):
                    state = .start
                    continue
                default:
                    return
                }
            case .doubleQuoted:
                inString(byte, quote: UInt8(ascii: "\""), escape: .doubleQuotedEscape)
                return
            case .singleQuoted:
                inString(byte, quote: UInt8(ascii: "'"), escape: .singleQuotedEscape)
                return
            case .doubleQuotedEscape:
                afterEscape(byte, back: .doubleQuoted)
                return
            case .singleQuotedEscape:
                afterEscape(byte, back: .singleQuoted)
                return
            case .zero:
                if isDigit(byte) {
                    lexicalError(byte)
                    return
                }
                if byte == UInt8(ascii: ".") {
                    enter(.mantissa, byte)
                    return
                }
                endToken(.integer)
            case .sign:
                if byte == UInt8(ascii: "0") {
                    enter(.zero, byte)
                } else if isDigit(byte) {
                    enter(.digits, byte)
                } else {
                    lexicalError(byte)
                }
                return
            case .digits:
                if isDigit(byte) {
                    token.append(byte)
                    return
                }
                if byte == UInt8(ascii: ".") {
                    enter(.mantissa, byte)
                    return
                }
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    enter(.exponent, byte)
                    return
                }
                endToken(.integer)
            case .mantissa:
                if isDigit(byte) {
                    enter(.mantissaDigits, byte)
                } else {
                    lexicalError(byte)
                }
                return
            case .mantissaDigits:
                if isDigit(byte) {
                    token.append(byte)
                    return
                }
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    enter(.exponent, byte)
                    return
                }
                endToken(.float)
            case .exponent:
                if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    enter(.exponentSign, byte)
                } else if isDigit(byte) {
                    enter(.exponentDigits, byte)
                } else {
                    lexicalError(byte)
                }
                return
            case .exponentSign:
                if isDigit(byte) {
                    enter(.exponentDigits, byte)
                } else {
                    lexicalError(byte)
                }
                return
            case .exponentDigits:
                if isDigit(byte) {
                    token.append(byte)
                    return
                }
                endToken(.float)
            case .keyword:
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                    token.append(byte)
                    return
                }
                endToken(.keyword)
            }
        }
    }

    /// A byte inside a string.
    @inline(__always)
    private mutating func inString(_ byte: UInt8, quote: UInt8, escape: JSONLexerState) {
        if byte == quote {
            token.append(byte)
            endToken(.string)
        } else if byte == UInt8(ascii: "\\") {
            enter(escape, byte)
        } else if byte >= 0x20 && byte <= 0xFD {
            token.append(byte)
        } else {
            lexicalError(byte)
        }
    }

    /// The byte after a backslash: anything from 0x20 to 0xFD; the parser
    /// judges the escape later.
    @inline(__always)
    private mutating func afterEscape(_ byte: UInt8, back: JSONLexerState) {
        if byte >= 0x20 && byte <= 0xFD {
            enter(back, byte)
        } else {
            lexicalError(byte)
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    private mutating func enter(_ next: JSONLexerState, _ byte: UInt8) {
        token.append(byte)
        state = next
    }

    /// A one-byte structural token; it never touches the token buffer,
    /// which is empty in the start state.
    @inline(__always)
    private mutating func structural(_ kind: JSONTokenKind) {
        streamToken(kind, UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Hands the finished token to the streamer and returns to the start
    /// state.
    mutating func endToken(_ kind: JSONTokenKind) {
        // The streamer takes the text while it mutates `self`: lend it
        // the buffer out of `self`.
        var text: [UInt8] = []
        swap(&text, &token)
        text.withUnsafeBufferPointer { streamToken(kind, $0) }
        text.removeAll(keepingCapacity: text.capacity <= 1 << 20)
        token = text
        state = .start
    }

    /// A byte that is invalid in the current state (nil when flushing at
    /// end of input): reports `stray '<token so far + byte>'`, drops the
    /// message and enters recovery.
    mutating func lexicalError(_ byte: UInt8? = nil) {
        if let byte { token.append(byte) }
        pending.append(.failure(.stray(token)))
        resetMessage()
        token.removeAll(keepingCapacity: token.capacity <= 1 << 20)
        state = .recovery
    }

    /// A single token passed the size limit: QEMU flushes it to the
    /// streamer, which rejects it, and lexes on from the start state.
    mutating func oversizedToken() {
        pending.append(.failure(.tokenSizeLimit))
        resetMessage()
        token = []
        state = .start
    }
}
