/// The text of one schema file as the lexer sees it: valid UTF-8 bytes,
/// line ends normalised to `\n` (as Python's text mode does), and always
/// ending in a newline.
struct SchemaSource {
    /// The bytes of the file.
    let bytes: [UInt8]

    /// Why a file could not be read.
    enum ReadFailure: Error {
        /// The operating system refused; `reason` is `strerror`'s text.
        case system(reason: String)
        /// Byte `offset` starts an invalid UTF-8 sequence.
        case invalidUTF8(offset: Int, bytes: [UInt8])
    }

    /// Reads and normalises `path`.
    static func load(path: String) throws(ReadFailure) -> SchemaSource {
        let raw = try readFile(path)
        if String(validating: raw, as: UTF8.self) == nil, let bad = firstInvalidUTF8Offset(raw) {
            throw .invalidUTF8(offset: bad, bytes: raw)
        }
        return SchemaSource(normalizing: raw)
    }

    /// Wraps text already in memory (used by tests).
    init(text: String) {
        self.init(normalizing: Array(text.utf8))
    }

    private init(normalizing raw: [UInt8]) {
        if !raw.contains(UInt8(ascii: "\r")) {
            var out = raw
            if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
            bytes = out
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + 1)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                if index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        bytes = out
    }

    private static func readFile(_ path: String) throws(ReadFailure) -> [UInt8] {
        do {
            return try FileBytes.load(path)
        } catch {
            throw .system(reason: error.reason)
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8
    /// sequence, or `nil` when the whole buffer is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            if index + length > count { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Whether Python's `str.isspace()` holds for this character (the
    /// schema lexer skips exactly these between tokens).
    var isPythonSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The string without trailing Python whitespace (`str.rstrip()`).
    func pythonRStripped() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.isPythonSpace { scalars.removeLast() }
        return String(scalars)
    }

    /// How many leading characters are Python whitespace.
    var pythonLeadingSpaceCount: Int {
        var count = 0
        for scalar in unicodeScalars {
            guard scalar.isPythonSpace else { break }
            count += 1
        }
        return count
    }
}
