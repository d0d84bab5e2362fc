/// The grammar of QAPI names: an optional downstream prefix `__RFQDN_`,
/// an optional experimental prefix `x-`, then the stem, a letter followed
/// by letters, digits, `-` and `_`. Letters match regardless of case.
///
/// Matching follows the regular expression QEMU uses, including two
/// quirks of Python's engine: a single trailing newline is tolerated at
/// the end, and case-insensitive letters include the four non-ASCII
/// characters that fold onto ASCII ones (`İ`, `ı`, `ſ`, the Kelvin sign).
enum QAPINameGrammar {
    /// The stem of `name`, or `nil` if `name` is not a valid QAPI name.
    static func stem(of name: Substring) -> Substring? {
        let utf8 = name.utf8
        // An ASCII name has one byte per character: match on the bytes.
        if let (isASCII, match) = utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.allSatisfy { $0 < 0x80 } ? (true, stemBounds(in: bytes)) : (false, nil)
        }), isASCII {
            guard let match else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: match.lowerBound)
            return name[start..<utf8.index(start, offsetBy: match.count)]
        }
        let scalars = name.unicodeScalars
        guard let match = stemBounds(in: scalars.map(\.value)) else { return nil }
        let start = scalars.index(scalars.startIndex, offsetBy: match.lowerBound)
        return Substring(scalars[start..<scalars.index(start, offsetBy: match.count)])
    }

    /// Where the stem lies among `codes` (code points, or UTF-8 bytes of an
    /// ASCII name), or `nil` if they do not form a valid name.
    private static func stemBounds<Codes: RandomAccessCollection>(in codes: Codes) -> Range<Int>?
    where Codes.Element: FixedWidthInteger, Codes.Index == Int {
        let start = codes.startIndex
        var end = codes.endIndex
        if end > start, codes[end - 1] == 0x0A { end -= 1 }
        var index = start
        if end - start >= 2, codes[start] == 0x5F, codes[start + 1] == 0x5F {
            var cursor = start + 2
            while cursor < end, isPrefixCode(codes[cursor]) { cursor += 1 }
            guard cursor > start + 2, cursor < end, codes[cursor] == 0x5F else { return nil }
            index = cursor + 1
        }
        if end - index >= 2, codes[index] | 0x20 == 0x78, codes[index + 1] == 0x2D,
            isStem(codes[(index + 2)..<end])
        {
            return (index + 2 - start)..<(end - start)
        }
        return isStem(codes[index..<end]) ? (index - start)..<(end - start) : nil
    }

    private static func isStem<Codes: Collection>(_ codes: Codes) -> Bool where Codes.Element: FixedWidthInteger {
        guard let first = codes.first, isLetter(UInt32(first)) else { return false }
        return codes.dropFirst().allSatisfy {
            let code = UInt32($0)
            return isLetter(code) || isDigit(code) || code == 0x5F || code == 0x2D
        }
    }

    private static func isPrefixCode<Code: FixedWidthInteger>(_ code: Code) -> Bool {
        let code = UInt32(code)
        return isLetter(code) || isDigit(code) || code == 0x2E || code == 0x2D
    }

    private static func isDigit(_ code: UInt32) -> Bool {
        (0x30...0x39).contains(code)
    }

    /// A letter as a case-insensitive `[a-z]` sees it.
    private static func isLetter(_ code: UInt32) -> Bool {
        switch code {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0x130, 0x131, 0x17F, 0x212A: return true
        default: return false
        }
    }
}
