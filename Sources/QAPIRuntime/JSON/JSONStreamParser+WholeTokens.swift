/// The lexer's fast path: tokens that lie wholly inside the bytes at hand
/// are lexed in place, with no per-byte state and no copy into `token`.
///
/// It only ever takes a token the state machine would take the same way
/// (same bytes, same kind); anything else (a token that runs past the end
/// of the bytes, one that is malformed or too long) it leaves, untouched,
/// to the state machine, which then produces QEMU's results for it.
extension JSONStreamParser {
    /// Lexes whole tokens from `start`, in the start state, and returns
    /// where it stopped: at the end of `bytes`; right after a byte that
    /// completed a result, when `stopAfterResult`; after the byte that
    /// ended a number or keyword, when that byte took the state machine
    /// out of the start state; or at the first byte of a token it leaves
    /// to the state machine (the state is still the start state then).
    mutating func lexWholeTokens(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopAfterResult: Bool
    ) -> Int {
        let count = bytes.count
        var index = start
        while index < count {
            let kind: JSONTokenKind
            var end = index + 1
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index = end
                continue
            case UInt8(ascii: "{"): kind = .leftBrace
            case UInt8(ascii: "}"): kind = .rightBrace
            case UInt8(ascii: "["): kind = .leftBracket
            case UInt8(ascii: "]"): kind = .rightBracket
            case UInt8(ascii: ","): kind = .comma
            case UInt8(ascii: ":"): kind = .colon
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let found = JSONStringScanner.scan(bytes, from: index) else { return index }
                kind = found.isPlain ? .plainString : .string
                end = found.end
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                (end, kind) = Self.numberEnd(bytes, from: index)
                if end == index { return index }
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                while end < count, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { end += 1 }
                if end == count { return index }
                kind = .keyword
            default:
                return index
            }
            // A token the state machine would flush as oversized is left
            // to it.
            if end - index > limits.maxTokenBytes { return index }
            streamToken(kind, UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
            switch kind {
            case .integer, .float, .keyword:
                // The byte that ended the token, as the state machine
                // would see it next: in the start state.
                step(bytes[end])
                index += 1
                if token.count > limits.maxTokenBytes { oversizedToken() }
                if state != .start { return index }
            default:
                break
            }
            if stopAfterResult && !pending.isEmpty { return index }
        }
        return index
    }

    /// The end of the number that starts at `start` and its kind, when
    /// the number is well formed and the byte that ends it is inside
    /// `bytes`; `(start, _)` otherwise. The grammar is the state
    /// machine's: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, where
    /// a leading `0` may be followed by a fraction but not by an
    /// exponent or another digit.
    @inline(__always)
    static func numberEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (end: Int, kind: JSONTokenKind) {
        let count = bytes.count
        let failed = (start, JSONTokenKind.integer)
        func isDigit(_ index: Int) -> Bool {
            index < count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }
        func digits(from index: Int) -> Int {
            var end = index
            while isDigit(end) { end += 1 }
            return end
        }
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return failed }
        let leadingZero = bytes[index] == UInt8(ascii: "0")
        index = leadingZero ? index + 1 : digits(from: index)
        guard index < count else { return failed }
        if leadingZero && isDigit(index) { return failed }
        var kind = JSONTokenKind.integer
        if bytes[index] == UInt8(ascii: ".") {
            guard isDigit(index + 1) else { return failed }
            index = digits(from: index + 1)
            kind = .float
        }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
            && (kind == .float || !leadingZero)
        {
            var digitsStart = index + 1
            if digitsStart < count
                && (bytes[digitsStart] == UInt8(ascii: "+") || bytes[digitsStart] == UInt8(ascii: "-"))
            {
                digitsStart += 1
            }
            guard isDigit(digitsStart) else { return failed }
            index = digits(from: digitsStart)
            kind = .float
        }
        guard index < count else { return failed }
        return (index, kind)
    }
}
