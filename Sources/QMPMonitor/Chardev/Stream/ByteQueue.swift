/// Bytes in arrival order: appended at the back, consumed from the front
/// without moving what is left (the consumed prefix is trimmed in bulk).
struct ByteQueue {
    /// A consumed prefix is trimmed once it is this large and at least
    /// half of the storage.
    private static let trimThreshold = 64 * 1024

    private var storage: [UInt8] = []
    private var start = 0

    /// How many bytes are queued.
    var count: Int { storage.count - start }

    /// Whether no bytes are queued.
    var isEmpty: Bool { start == storage.count }

    /// Queues `bytes` at the back.
    mutating func append(_ bytes: ArraySlice<UInt8>) {
        storage.append(contentsOf: bytes)
    }

    /// Lets `fill` write up to `maximum` bytes at the back and keeps as
    /// many as it returns (none when it returns zero or less); returns
    /// what `fill` returned.
    mutating func append(upTo maximum: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        let end = storage.count
        storage.append(contentsOf: [UInt8](repeating: 0, count: maximum))
        let written = storage.withUnsafeMutableBytes { fill(UnsafeMutableRawBufferPointer(rebasing: $0[end...])) }
        storage.removeLast(maximum - min(max(written, 0), maximum))
        return written
    }

    /// Drops the first `consumed` queued bytes.
    mutating func removeFirst(_ consumed: Int) {
        start += min(max(consumed, 0), count)
        if start == storage.count {
            storage.removeAll()
            start = 0
        } else if start >= Self.trimThreshold && start * 2 >= storage.count {
            storage.removeFirst(start)
            start = 0
        }
    }

    /// Calls `body` with the queued bytes.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }
}
