/// Finds where a string token ends, for the lexer's fast path: eight bytes
/// at a time while they are printable ASCII other than the quote and the
/// backslash, byte by byte otherwise.
enum JSONStringScanner {
    /// Where a string token ends, and whether its body is plain (ASCII
    /// only, no escapes: its bytes are the string).
    struct Found {
        /// The index past the closing quote.
        var end: Int
        /// Whether the body holds only ASCII bytes and no backslash.
        var isPlain: Bool
    }

    /// The end of the string that opens with the quote at `start`, or nil
    /// when it does not close inside `bytes` or holds a byte the lexer
    /// rejects (below 0x20, 0xFE, 0xFF, also right after a backslash).
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Found? {
        let quote = bytes[start]
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        var isPlain = true
        var index = start + 1
        while true {
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let special = specialBytes(word, quote: quote)
                if special != 0 {
                    index += special.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == quote { return Found(end: index + 1, isPlain: isPlain) }
            if byte < 0x20 || byte > 0xFD { return nil }
            if byte >= 0x80 {
                isPlain = false
            } else if byte == UInt8(ascii: "\\") {
                isPlain = false
                index += 1
                guard index < count, bytes[index] >= 0x20, bytes[index] <= 0xFD else { return nil }
            }
            index += 1
        }
    }

    /// A mask whose lowest set bit lies in the first byte of `word` (in
    /// memory order) that is not printable ASCII or is `quote` or a
    /// backslash; zero when there is none. Bits above the lowest may be
    /// spurious.
    @inline(__always)
    private static func specialBytes(_ word: UInt64, quote: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let word = UInt64(littleEndian: word)
        /// High bit set in each byte of `x` that is below `n` (n <= 0x80),
        /// exact up to the first such byte.
        func below(_ x: UInt64, _ n: UInt8) -> UInt64 { (x &- ones &* UInt64(n)) & ~x & highs }
        let quotes = below(word ^ (ones &* UInt64(quote)), 1)
        let backslashes = below(word ^ (ones &* UInt64(UInt8(ascii: "\\"))), 1)
        return quotes | backslashes | below(word, 0x20) | (word & highs)
    }
}
