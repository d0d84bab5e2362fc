/// The member positions of an object that were read: a bit set that
/// lives inline for the first 64 positions and counts its elements.
@usableFromInline
struct QAPIPositionSet: Sendable {
    @usableFromInline var low: UInt64 = 0
    /// Positions 64 and up, 64 per word; empty for small objects.
    @usableFromInline var high: [UInt64] = []
    /// How many positions are in the set.
    @usableFromInline var count = 0

    @inlinable
    init() {}

    /// Adds `position`; adding it twice counts once.
    @inlinable @inline(__always)
    mutating func insert(_ position: Int) {
        if position < 64 {
            let bit: UInt64 = 1 << UInt64(position)
            if low & bit == 0 {
                low |= bit
                count += 1
            }
        } else {
            insertHigh(position - 64)
        }
    }

    @usableFromInline
    mutating func insertHigh(_ offset: Int) {
        let word = offset / 64
        let bit: UInt64 = 1 << UInt64(offset % 64)
        if high.count <= word { high += repeatElement(0, count: word + 1 - high.count) }
        if high[word] & bit == 0 {
            high[word] |= bit
            count += 1
        }
    }

    /// Whether `position` is in the set.
    func contains(_ position: Int) -> Bool {
        if position < 64 { return low & (1 << UInt64(position)) != 0 }
        let offset = position - 64
        let word = offset / 64
        return word < high.count && high[word] & (1 << UInt64(offset % 64)) != 0
    }
}
