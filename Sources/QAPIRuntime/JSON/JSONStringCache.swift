/// The strings a parser made from short plain string tokens of the
/// current message, so that bytes seen again (object keys repeat in nearly
/// every object) are looked up instead of being validated and copied into
/// a new `String`.
///
/// Direct-mapped: each byte sequence has one slot, and a newcomer evicts
/// whatever was there. `clear()` (at the end of each message) lets go of
/// every string, so that nothing a client sent, a password say, outlives
/// its message here.
struct JSONStringCache: Sendable {
    /// The longest string cached, in bytes.
    static let maxCount = 16

    /// A string and the bytes it was made from, packed into two words.
    private struct Entry: Sendable {
        var first: UInt64
        var last: UInt64
        var count: Int
        var string: String

        /// A slot that matches no bytes.
        static var empty: Entry { Entry(first: 0, last: 0, count: -1, string: "") }
    }

    private static let slotBits = 10
    private static var slotCount: Int { 1 << slotBits }
    /// Empty until the first lookup, so that an idle parser costs nothing.
    private var entries: [Entry] = []
    /// One bit per slot filled since the last `clear()`.
    private var filled: [UInt64] = []

    /// The string whose UTF-8 bytes are `bytes`, plain ASCII of at most
    /// `maxCount` bytes: the cached one, or a new one, then cached.
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        let (first, last) = Self.pack(UnsafeRawBufferPointer(bytes))
        let mixed = (first ^ (last &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: mixed >> (64 - Self.slotBits))
        if entries.isEmpty {
            // reserveCapacity and append, unlike init(repeating:count:),
            // are specialized for Entry.
            entries.reserveCapacity(Self.slotCount)
            for _ in 0..<Self.slotCount { entries.append(.empty) }
            filled = [UInt64](repeating: 0, count: Self.slotCount / 64)
        }
        let hit = entries.withUnsafeBufferPointer { entries -> String? in
            let entry = entries[slot]
            return entry.count == count && entry.first == first && entry.last == last ? entry.string : nil
        }
        if let hit { return hit }
        let string = String(decoding: bytes, as: UTF8.self)
        entries[slot] = Entry(first: first, last: last, count: count, string: string)
        filled[slot / 64] |= 1 << UInt64(slot % 64)
        return string
    }

    /// Empties the slots filled since the last call.
    mutating func clear() {
        for word in filled.indices where filled[word] != 0 {
            var bits = filled[word]
            while bits != 0 {
                entries[word * 64 + bits.trailingZeroBitCount] = .empty
                bits &= bits &- 1
            }
            filled[word] = 0
        }
    }

    /// Up to 16 bytes as two words that, with the count, tell them apart:
    /// the first and the last eight bytes (overlapping when fewer than 16),
    /// or for shorter runs the first and last four, two or one.
    @inline(__always)
    private static func pack(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let count = bytes.count
        if count >= 8 {
            return (
                bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            )
        }
        if count >= 4 {
            return (
                UInt64(bytes.loadUnaligned(as: UInt32.self)),
                UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            )
        }
        if count >= 2 {
            return (
                UInt64(bytes.loadUnaligned(as: UInt16.self)),
                UInt64(bytes.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self))
            )
        }
        return (count == 1 ? UInt64(bytes[0]) : 0, 0)
    }
}
