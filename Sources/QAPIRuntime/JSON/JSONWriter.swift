/// Serialises `JSONValue`s in QEMU's output format.
///
/// * Compact layout: members separated by `", "`, keys followed by
///   `": "`, no other spaces; empty containers are `{}` and `[]`.
/// * Pretty layout: one member or element per line, indented by four
///   spaces per level; the closing bracket on its own line at the
///   container's level; an empty container is its opening bracket, a
///   newline, the container's indentation and its closing bracket.
/// * Output is ASCII: see `appendQuoted(_:to:)` for string escaping.
/// * Integers print in decimal, doubles with C's `%.17g`.
/// * Object members keep their order, or follow QEMU's QDict order
///   (`memberOrder`).
public struct JSONWriter: Sendable {
    /// The order in which object members are written.
    public enum MemberOrder: Sendable, Hashable {
        /// The objects' own member order.
        case insertion
        /// QEMU's QDict iteration order (spec T4), taking each object's
        /// member order as the order QEMU inserted them in; this makes
        /// the output byte-identical to QEMU's.
        case qdict
    }

    /// Whether to use the pretty layout.
    public var pretty: Bool
    /// The line break the pretty layout uses: `"\n"` as QEMU's writer
    /// produces it, or `"\r\n"` as a QMP monitor puts it on the wire.
    public var newline: String
    /// The order of object members.
    public var memberOrder: MemberOrder

    /// A writer with the given layout, line break and member order.
    public init(pretty: Bool = false, newline: String = "\n", memberOrder: MemberOrder = .insertion) {
        self.pretty = pretty
        self.newline = newline
        self.memberOrder = memberOrder
    }

    /// `value` serialised as bytes.
    public func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        append(value, to: &output)
        return output
    }

    /// `value` serialised as a string.
    public func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    /// Appends `value` serialised to `output`.
    public func append(_ value: JSONValue, to output: inout [UInt8]) {
        let newlineBytes = Array(newline.utf8)
        write(value, depth: 0, newline: newlineBytes, to: &output)
    }

    /// A complete QMP message as a monitor sends it: the value with CRLF
    /// line breaks in the pretty layout, followed by CRLF. Pass `.qdict`
    /// as `memberOrder` for QEMU's exact bytes.
    public static func qmpMessage(
        _ value: JSONValue, pretty: Bool = false, memberOrder: MemberOrder = .insertion
    ) -> [UInt8] {
        var output = JSONWriter(pretty: pretty, newline: "\r\n", memberOrder: memberOrder).encode(value)
        output.append(0x0D)
        output.append(0x0A)
        return output
    }

    private func write(_ value: JSONValue, depth: Int, newline: [UInt8], to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            if number < 0 { output.append(UInt8(ascii: "-")) }
            appendDecimal(number.magnitude, to: &output)
        case .uint(let number):
            appendDecimal(number, to: &output)
        case .double(let number):
            DoubleFormatting.append(number, to: &output)
        case .string(let string):
            Self.appendQuoted(string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                separator(first: position == 0, depth: depth + 1, newline: newline, to: &output)
                write(element, depth: depth + 1, newline: newline, to: &output)
            }
            closing(depth: depth, newline: newline, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            if memberOrder == .qdict && object.count > 1 {
                for (step, position) in QDictOrder.positions(of: object).enumerated() {
                    let member = object.members[position]
                    writeMember(member, first: step == 0, depth: depth, newline: newline, to: &output)
                }
            } else {
                for (position, member) in object.members.enumerated() {
                    writeMember(member, first: position == 0, depth: depth, newline: newline, to: &output)
                }
            }
            closing(depth: depth, newline: newline, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes one member of an object at `depth`.
    private func writeMember(
        _ member: JSONObject.Member, first: Bool, depth: Int, newline: [UInt8], to output: inout [UInt8]
    ) {
        separator(first: first, depth: depth + 1, newline: newline, to: &output)
        Self.appendQuoted(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(ascii: " "))
        write(member.value, depth: depth + 1, newline: newline, to: &output)
    }

    /// What goes before a member or element.
    private func separator(first: Bool, depth: Int, newline: [UInt8], to output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        if pretty {
            output.append(contentsOf: newline)
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4 * depth))
        } else if !first {
            output.append(UInt8(ascii: " "))
        }
    }

    /// What goes before a closing bracket.
    private func closing(depth: Int, newline: [UInt8], to output: inout [UInt8]) {
        if pretty {
            output.append(contentsOf: newline)
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4 * depth))
        }
    }

    /// Appends the decimal digits of `number` without allocating.
    private func appendDecimal(_ number: UInt64, to output: inout [UInt8]) {
        if number < 10 {
            output.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes >= 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = number
            while rest > 0 {
                buffer[31 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(32 - count)...]))
        }
    }
}
