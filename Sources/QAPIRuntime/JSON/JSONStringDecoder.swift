/// Decodes a string token (quotes included) into a `String`, with QEMU's
/// escape rules and its modified UTF-8 validation.
enum JSONStringDecoder {
    /// Decodes `token`, using `scratch` as a reusable buffer.
    static func decode(
        _ token: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]
    ) -> Result<String, JSONParseError> {
        let end = token.count - 1
        var plain = true
        var index = 1
        while index < end {
            let byte = token[index]
            if byte == UInt8(ascii: "\\") || byte >= 0x80 {
                plain = false
                break
            }
            index += 1
        }
        if plain {
            return .success(String(decoding: UnsafeBufferPointer(rebasing: token[1..<end]), as: UTF8.self))
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: token[1..<index]))
        while index < end {
            let byte = token[index]
            if byte == UInt8(ascii: "\\") {
                let escapeStart = index
                // The lexer guarantees a byte after every backslash.
                let escape = token[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = hex4(token, at: index)
                    index += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF
                        && peek(token, index) == UInt8(ascii: "\\")
                        && peek(token, index + 1) == UInt8(ascii: "u")
                    {
                        let trailing = hex4(token, at: index + 2)
                        if trailing >= 0xDC00 && trailing <= 0xDFFF {
                            scalar = 0x10000 + ((scalar & 0x3FF) << 10) | (trailing & 0x3FF)
                            index += 6
                        } else {
                            scalar = -1
                        }
                    }
                    guard scalar >= 0, QEMUUTF8.isValidCodePoint(UInt32(scalar)) else {
                        // QEMU quotes the escape as written: from the
                        // backslash to where decoding stopped, cut at the
                        // end of the token.
                        let quoted = token[escapeStart..<min(index, token.count)]
                        return .failure(
                            .parser(
                                QEMUUTF8.lossyString(quoted) + " is not a valid Unicode character"))
                    }
                    QEMUUTF8.appendUTF8(UInt32(scalar), to: &scratch)
                default:
                    return .failure(.parser("invalid escape sequence in string"))
                }
            } else if byte < 0x80 {
                scratch.append(byte)
                index += 1
            } else {
                let (scalar, next) = QEMUUTF8.decode(token, at: index)
                guard let scalar else {
                    return .failure(.parser("invalid UTF-8 sequence in string"))
                }
                QEMUUTF8.appendUTF8(scalar, to: &scratch)
                index = next
            }
        }
        return .success(String(decoding: scratch, as: UTF8.self))
    }

    /// The byte at `index`, or 0 past the end (C string semantics).
    @inline(__always)
    private static func peek(_ token: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8 {
        index < token.count ? token[index] : 0
    }

    /// The value of four hex digits at `index`, or -1 if any is not one.
    private static func hex4(_ token: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var value = 0
        for offset in 0..<4 {
            let digit: Int
            switch peek(token, index + offset) {
            case let c where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"):
                digit = Int(c - UInt8(ascii: "0"))
            case let c where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"):
                digit = Int(c - UInt8(ascii: "a")) + 10
            case let c where c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"):
                digit = Int(c - UInt8(ascii: "A")) + 10
            default:
                return -1
            }
            value = value << 4 | digit
        }
        return value
    }
}
