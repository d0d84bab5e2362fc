/// Splits a human monitor's input into command lines.
///
/// A line ends at LF or CR, and CR LF counts once. Like QEMU's readline,
/// a line keeps at most `maxLineLength` bytes; the rest of a longer line
/// is dropped.
struct LineBuffer {
    /// The most bytes a line keeps (QEMU's readline buffer holds 4095).
    static let maxLineLength = 4095

    private var bytes: [UInt8] = []
    /// Complete lines not yet taken, oldest first.
    private var lines: [String] = []
    private var lineStart = 0
    /// The previous byte ended a line with CR; an LF right after is part
    /// of that ending.
    private var afterCarriageReturn = false

    /// Appends received bytes up to and including the first one that
    /// completes a line; returns how many it took.
    mutating func append(_ input: UnsafeRawBufferPointer) -> Int {
        for (index, byte) in input.enumerated() {
            switch byte {
            case UInt8(ascii: "\n") where afterCarriageReturn:
                afterCarriageReturn = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lines.append(String(decoding: bytes, as: UTF8.self))
                bytes.removeAll(keepingCapacity: true)
                afterCarriageReturn = byte == UInt8(ascii: "\r")
                return index + 1
            default:
                afterCarriageReturn = false
                if bytes.count < Self.maxLineLength { bytes.append(byte) }
            }
        }
        return input.count
    }

    /// Takes the oldest complete line, without its line ending.
    mutating func nextLine() -> String? {
        guard lineStart < lines.count else { return nil }
        defer {
            lineStart += 1
            if lineStart == lines.count {
                lines.removeAll(keepingCapacity: true)
                lineStart = 0
            }
        }
        return lines[lineStart]
    }

    /// Forgets everything: the connection ended.
    mutating func reset() {
        self = LineBuffer()
    }
}
