/// How `ringbuf-write` with `format: utf8` turns its string into bytes:
/// QEMU writes the string's bytes as it stores them, in modified UTF-8,
/// where U+0000 is `C0 80`.
enum RingbufText {
    /// The bytes QEMU would write for `text`.
    static func bytes(of text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0 {
                bytes.append(0xC0)
                bytes.append(0x80)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}
