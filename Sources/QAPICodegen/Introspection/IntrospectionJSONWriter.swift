import QAPISchema

/// Writes introspection values as JSON text in the layout of Python's
/// `json.dumps` defaults, which QEMU's reference dumps use: `", "` and
/// `": "` as separators, non-ASCII characters escaped as `\uXXXX`.
/// Object fields are written in the order they are held.
struct IntrospectionJSONWriter {
    /// The text written so far, as UTF-8 (ASCII, in fact).
    private(set) var bytes: [UInt8] = []

    /// Appends `value`; a conditional element is written as
    /// `{"if": COND, "value": VALUE}`, COND in the schema's own syntax.
    mutating func write(_ value: IntrospectionValue) {
        switch value {
        case .string(let text):
            writeString(text)
        case .bool(let flag):
            writeRaw(flag ? "true" : "false")
        case .null:
            writeRaw("null")
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { writeRaw(", ") }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if index > 0 { writeRaw(", ") }
                writeString(field.key)
                writeRaw(": ")
                write(field.value)
            }
            bytes.append(UInt8(ascii: "}"))
        case .conditional(let condition, let value):
            writeRaw("{\"if\": ")
            if let raw = condition.value { write(raw) } else { writeRaw("null") }
            writeRaw(", \"value\": ")
            write(value)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a condition (or any schema value) as JSON.
    mutating func write(_ value: SchemaValue) {
        switch value {
        case .string(let text):
            writeString(text)
        case .bool(let flag):
            writeRaw(flag ? "true" : "false")
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { writeRaw(", ") }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first { writeRaw(", ") }
                first = false
                writeString(key)
                writeRaw(": ")
                write(member)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends ASCII text as it is.
    mutating func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as a JSON string literal.
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let isPlain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }
        if isPlain {
            // The common case (names): printable ASCII, nothing to escape.
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for unit in text.utf16 {
            switch unit {
            case 0x22: writeRaw("\\\"")
            case 0x5C: writeRaw("\\\\")
            case 0x0A: writeRaw("\\n")
            case 0x0D: writeRaw("\\r")
            case 0x09: writeRaw("\\t")
            case 0x08: writeRaw("\\b")
            case 0x0C: writeRaw("\\f")
            case 0x20..<0x7F, 0x7F:
                bytes.append(UInt8(unit))
            default:
                writeRaw("\\u")
                for shift in stride(from: 12, through: 0, by: -4) {
                    bytes.append(Self.hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
