/// QEMU's "modified UTF-8" rules, shared by the string decoder, error
/// texts and the writer.
///
/// Modified UTF-8 is UTF-8 in which U+0000 may also be spelled `C0 80`.
/// A sequence is rejected when it is truncated, starts with a
/// continuation byte or 0xFE/0xFF, is overlong (except `C0 80`), encodes
/// a surrogate, a code point above U+10FFFF or a Unicode noncharacter.
public enum QEMUUTF8 {
    /// Whether `scalar` is a code point QEMU accepts: in range, not a
    /// surrogate and not a noncharacter (U+FDD0...U+FDEF, U+xxFFFE/F).
    @inlinable
    public static func isValidCodePoint(_ scalar: UInt32) -> Bool {
        if scalar > 0x10FFFF { return false }
        if (scalar >= 0xFDD0 && scalar <= 0xFDEF) || (scalar & 0xFFFE) == 0xFFFE { return false }
        if scalar >= 0xD800 && scalar <= 0xDFFF { return false }
        return true
    }

    /// Decodes the sequence that starts at `bytes[start]`.
    ///
    /// Returns the code point (nil when the sequence is invalid) and the
    /// index just past the bytes the sequence covers, exactly as QEMU
    /// delimits malformed sequences: one byte for a stray continuation
    /// byte or 0xFE/0xFF, the lead byte plus the continuation bytes found
    /// for a truncated sequence, the whole sequence otherwise.
    @inlinable
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (scalar: UInt32?, next: Int) {
        let lead = bytes[start]
        if lead < 0x80 { return (UInt32(lead), start + 1) }
        if lead >= 0xFE || lead & 0x40 == 0 { return (nil, start + 1) }
        var length = 0
        var mask: UInt8 = 0x80
        while lead & mask != 0 {
            length += 1
            mask >>= 1
        }
        var scalar = UInt32(lead & (mask &- 1))
        var index = start + 1
        for _ in 1..<length {
            guard index < bytes.count, bytes[index] & 0xC0 == 0x80 else {
                return (nil, index)
            }
            scalar = scalar << 6 | UInt32(bytes[index] & 0x3F)
            index += 1
        }
        if !isValidCodePoint(scalar) { return (nil, index) }
        let minimum: UInt32
        switch length {
        case 2: minimum = 0x80
        case 3: minimum = 0x800
        default: minimum = 0x10000
        }
        if scalar < minimum && !(scalar == 0 && length == 2) { return (nil, index) }
        return (scalar, index)
    }

    /// Converts raw bytes to a string the way QEMU's JSON writer would
    /// render them: each malformed sequence becomes U+FFFD, `C0 80`
    /// becomes U+0000, and a NUL byte ends the text (C string semantics).
    ///
    /// Used for error texts that quote raw input, such as `stray '...'`.
    public static func lossyString<Bytes: Collection>(_ bytes: Bytes) -> String
    where Bytes.Element == UInt8 {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { buffer -> String in
            var scalars = String.UnicodeScalarView()
            var index = 0
            while index < buffer.count {
                if buffer[index] == 0 { break }
                let (scalar, next) = decode(buffer, at: index)
                let value = scalar.flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
                scalars.append(value)
                index = next
            }
            return String(scalars)
        }
    }

    /// Appends the standard UTF-8 encoding of `scalar` (a valid scalar;
    /// U+0000 becomes a single zero byte) to `output`.
    @inlinable
    public static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(0xC0 | UInt8(scalar >> 6))
            output.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(0xE0 | UInt8(scalar >> 12))
            output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            output.append(0x80 | UInt8(scalar & 0x3F))
        default:
            output.append(0xF0 | UInt8(scalar >> 18))
            output.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            output.append(0x80 | UInt8(scalar & 0x3F))
        }
    }
}
