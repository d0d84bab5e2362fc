extension JSONWriter {
    /// Appends `string` as a quoted JSON string in QEMU's ASCII-only form.
    ///
    /// `"` and `\` are escaped with a backslash; `\b \f \n \r \t` use their
    /// short escapes; any other code point below 0x20 or at 0x7F and above
    /// becomes `\uXXXX` with uppercase hex, code points above U+FFFF an
    /// uppercase surrogate pair. `/` is not escaped. A noncharacter
    /// (which QEMU's writer treats as invalid UTF-8) becomes `\uFFFD`.
    public static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { appendEscaped($0, to: &output) }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        var runStart = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            if byte < 0x80 {
                appendEscapedASCII(byte, to: &output)
                index += 1
            } else {
                // A Swift string is valid UTF-8: decode the scalar.
                let (scalar, next) = QEMUUTF8.decode(bytes, at: index)
                appendEscapedScalar(scalar ?? 0xFFFD, to: &output)
                index = next
            }
            runStart = index
        }
        if runStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    private static func appendEscapedASCII(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.removeLast()
            appendUnicodeEscape(UInt32(byte), to: &output)
        }
    }

    private static func appendEscapedScalar(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar > 0xFFFF {
            let offset = scalar - 0x10000
            appendUnicodeEscape(0xD800 + (offset >> 10), to: &output)
            appendUnicodeEscape(0xDC00 + (offset & 0x3FF), to: &output)
        } else {
            appendUnicodeEscape(scalar, to: &output)
        }
    }

    private static func appendUnicodeEscape(_ unit: UInt32, to output: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        output.append(UInt8(ascii: "\\"))
        output.append(UInt8(ascii: "u"))
        hex.withUTF8Buffer { digits in
            output.append(digits[Int((unit >> 12) & 0xF)])
            output.append(digits[Int((unit >> 8) & 0xF)])
            output.append(digits[Int((unit >> 4) & 0xF)])
            output.append(digits[Int(unit & 0xF)])
        }
    }
}
