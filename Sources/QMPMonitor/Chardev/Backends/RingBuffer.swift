/// QEMU's ringbuf storage: a fixed-capacity byte queue where a write that
/// does not fit overwrites the oldest bytes.
///
/// Storage grows as bytes arrive, up to the capacity, so a large ring
/// costs nothing until it fills. A capacity of 0 (which QEMU accepts)
/// holds nothing.
struct RingBuffer {
    /// How many bytes the ring holds at most.
    let capacity: Int
    private var storage: [UInt8] = []
    private var head = 0
    /// How many bytes the ring holds.
    private(set) var count = 0

    /// An empty ring of `capacity` bytes.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends `bytes`, dropping the oldest bytes when full.
    mutating func write(_ bytes: some Sequence<UInt8>) {
        guard capacity > 0 else { return }
        for byte in bytes {
            let tail = (head + count) % capacity
            if tail == storage.count {
                storage.append(byte)
            } else {
                storage[tail] = byte
            }
            if count == capacity {
                head = (head + 1) % capacity
            } else {
                count += 1
            }
        }
    }

    /// Removes and returns up to `maxCount` of the oldest bytes.
    mutating func read(maxCount: Int) -> [UInt8] {
        let taken = min(max(maxCount, 0), count)
        let bytes = (0..<taken).map { storage[(head + $0) % capacity] }
        if taken > 0 {
            head = (head + taken) % capacity
            count -= taken
        }
        return bytes
    }
}
