import QAPIRuntime

/// Base64 as the ring-buffer commands use it: standard alphabet with `=`
/// padding.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` encoded, padded to a multiple of four characters.
    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                if position <= count {
                    output.append(alphabet[Int((group >> UInt32(18 - 6 * position)) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `text` as QEMU's `qbase64_decode` does. Every character
    /// must be in the alphabet, `=` or a newline (otherwise `Base64 data
    /// contains invalid characters`). The rest follows GLib's lenient
    /// decoder, whatever the padding looks like:
    /// - a newline is skipped; `=` counts as a character worth zero;
    /// - each run of four counted characters gives three bytes, less the
    ///   second when the run's third character is `=` and less the third
    ///   when its fourth is `=` (so `bG8=` gives two, `a=bc` three);
    /// - one to three counted characters left at the end give nothing.
    static func decode(_ text: String) throws(QMPError) -> [UInt8] {
        let characters = text.utf8
        guard characters.allSatisfy({ sextet($0) != nil || $0 == padding || $0 == newline }) else {
            throw .generic("Base64 data contains invalid characters")
        }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count / 4 * 3)
        var group: UInt32 = 0
        var counted = 0
        var thirdIsPadding = false
        var fourthIsPadding = false
        for character in characters {
            let value: UInt32
            if character == padding {
                value = 0
            } else if let sextet = sextet(character) {
                value = sextet
            } else {
                continue  // a newline
            }
            group = group << 6 | value
            counted += 1
            // The last two counted characters: at the fourth of a run,
            // its third and fourth.
            thirdIsPadding = fourthIsPadding
            fourthIsPadding = character == padding
            guard counted == 4 else { continue }
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            if !thirdIsPadding { output.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if !fourthIsPadding { output.append(UInt8(truncatingIfNeeded: group)) }
            group = 0
            counted = 0
        }
        return output
    }

    private static let padding = UInt8(ascii: "=")
    private static let newline = UInt8(ascii: "\n")

    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
