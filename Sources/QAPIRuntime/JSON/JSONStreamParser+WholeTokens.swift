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
        let noText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var index = start
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index += 1
                continue
            case UInt8(ascii: "{"): streamToken(.leftBrace, noText)
            case UInt8(ascii: "}"): streamToken(.rightBrace, noText)
            case UInt8(ascii: "["): streamToken(.leftBracket, noText)
            case UInt8(ascii: "]"): streamToken(.rightBracket, noText)
            case UInt8(ascii: ","): streamToken(.comma, noText)
            case UInt8(ascii: ":"): streamToken(.colon, noText)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let found = JSONStringScanner.scan(bytes, from: index),
                    found.end - index <= limits.maxTokenBytes
                else { return index }
                streamToken(found.isPlain ? .plainString : .string, UnsafeBufferPointer(rebasing: bytes[index..<found.end]))
                index = found.end
                if stopAfterResult && !pending.isEmpty { return index }
                continue
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (end, kind) = Self.numberEnd(bytes, from: index)
                guard end > index, end - index <= limits.maxTokenBytes else { return index }
                index = endAtDelimiter(kind, bytes, index, end)
                if state != .start || (stopAfterResult && !pending.isEmpty) { return index }
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                var end = index + 1
                while end < count, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { end += 1 }
                guard end < count, end - index <= limits.maxTokenBytes else { return index }
                index = endAtDelimiter(.keyword, bytes, index, end)
                if state != .start || (stopAfterResult && !pending.isEmpty) { return index }
                continue
            default:
                return index
            }
            index += 1
            if stopAfterResult && !pending.isEmpty { return index }
        }
        return index
    }

    /// Hands over the number or keyword `bytes[start..<end]`, which the
    /// byte at `end` ended, then lets the state machine look at that byte
    /// in the start state, as it would have. Returns the index past it.
    @inline(__always)
    private mutating func endAtDelimiter(
        _ kind: JSONTokenKind, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> Int {
        streamToken(kind, UnsafeBufferPointer(rebasing: bytes[start..<end]))
        step(bytes[end])
        if token.count > limits.maxTokenBytes { oversizedToken() }
        return end + 1
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
