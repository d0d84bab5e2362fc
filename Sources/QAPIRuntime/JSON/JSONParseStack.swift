/// The parser's stack of pending entries (elements of open arrays,
/// members of open objects): it pushes like an array, and hands the
/// entries above a mark over as an array of exactly their count by moving
/// them, with no copies and nothing left behind to destroy, which `Array`
/// cannot do.
///
/// Copies share storage until one of them changes (copy on write), so a
/// parser keeps value semantics. To keep the uniqueness test out of each
/// push, the owner calls `makeUnique()` once before a run of changes,
/// within the same exclusive access (no copy can be made in between);
/// debug builds check it.
struct JSONParseStack<Element: Sendable>: Sendable {
    /// The entries; mutated only while uniquely referenced.
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<Element>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        /// A storage of the same entries (copied) and capacity.
        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }

        func grow() {
            capacity *= 2
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
        }
    }

    /// The capacity of a new stack, and the most a cleared one keeps.
    private static var initialCapacity: Int { 16 }
    private static var keptCapacity: Int { 1 << 12 }

    private var storage = Storage(capacity: initialCapacity)

    /// The number of entries.
    var count: Int { storage.count }

    /// Calls `body` with the entries, bottom first, borrowed in place.
    func withEntries<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// Pushes `element`.
    mutating func append(_ element: consuming Element) {
        assertUnique()
        if storage.count == storage.capacity { storage.grow() }
        (storage.base + storage.count).initialize(to: element)
        storage.count += 1
    }

    /// Removes the entries from `start` on and returns them, in order.
    mutating func removeAll(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= storage.count, "stack position out of range")
        assertUnique()
        var entries: [Element] = []
        // reserveCapacity, unlike init(unsafeUninitializedCapacity:), is
        // specialized for the element type (no metadata lookup per call).
        entries.reserveCapacity(storage.count - start)
        for slot in storage.base + start..<storage.base + storage.count { entries.append(slot.move()) }
        storage.count = start
        return entries
    }

    /// Removes every entry; a large storage is given back.
    mutating func removeAll() {
        if storage.capacity > Self.keptCapacity || !isKnownUniquelyReferenced(&storage) {
            storage = Storage(capacity: Self.initialCapacity)
        } else {
            storage.base.deinitialize(count: storage.count)
            storage.count = 0
        }
    }

    /// Gives this stack storage of its own, if it shares it with a copy.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    private mutating func assertUnique() {
        assert(isKnownUniquelyReferenced(&storage), "JSONParseStack changed without makeUnique()")
    }
}

extension JSONParseStack where Element == JSONObject.Member {
    /// Gives the top member, a key waiting for its value, `value`.
    mutating func setLastValue(_ value: consuming JSONValue) {
        precondition(storage.count > 0, "empty stack")
        assertUnique()
        storage.base[storage.count - 1].value = value
    }
}
