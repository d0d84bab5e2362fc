/// An ordered JSON object: members keep their insertion order (QMP output
/// keeps schema order), and lookup by key is a hash lookup once the
/// object is bigger than a handful of members.
///
/// Keys are unique and compared byte for byte, as QEMU does (no Unicode
/// normalization). Assigning to an existing key replaces its value in
/// place, keeping the member's position.
public struct JSONObject: Sendable {
    /// Objects up to this size are searched linearly; larger ones keep an
    /// index from key to position.
    @usableFromInline static let indexThreshold = 8

    /// One member; keys and values live together so that an object costs
    /// one allocation.
    @usableFromInline
    struct Member: Sendable {
        @usableFromInline var key: String
        @usableFromInline var value: JSONValue

        @inlinable
        init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var members: [Member] = []
    /// Key to position; empty while `count <= indexThreshold`.
    @usableFromInline var positions: [ByteKey: Int] = [:]

    /// An empty object.
    public init() {}

    /// An object with `members` in order; a repeated key keeps its first
    /// position and takes the last value.
    public init<Members: Sequence>(_ members: Members)
    where Members.Element == (String, JSONValue) {
        for (key, value) in members { self[key] = value }
    }

    /// An object of `members`, whose keys are distinct, and `positions`,
    /// their index when there are more than `indexThreshold` of them
    /// (empty otherwise): the parser builds both as it goes.
    init(distinctMembers members: [Member], positions: [ByteKey: Int]) {
        self.members = members
        self.positions = positions
    }

    /// The keys, in member order.
    public var keys: [String] { members.map(\.key) }

    /// The values, in member order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The position of `key`, if present.
    @inlinable
    public func index(forKey key: String) -> Int? {
        index(matching: UTF8Bytes.Probe(key))
    }

    /// The position of the key `probe` matches, if present.
    @inlinable
    func index(matching probe: UTF8Bytes.Probe) -> Int? {
        if positions.isEmpty {
            return members.withUnsafeBufferPointer { members in
                for position in members.indices where probe.matches(members[position].key) { return position }
                return nil
            }
        }
        return positions[ByteKey(probe.string)]
    }

    /// Whether the object has a member named `key`.
    @inlinable
    public func contains(key: String) -> Bool {
        index(forKey: key) != nil
    }

    /// The value of member `key`; assigning nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            index(forKey: key).map { members[$0].value }
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets member `key` to `value`, appending it when new. Returns the
    /// previous value.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = index(forKey: key) {
            let old = members[position].value
            members[position].value = value
            return old
        }
        appendNew(key, value)
        return nil
    }

    /// Appends a member whose key the caller knows is not present yet.
    @usableFromInline
    mutating func appendNew(_ key: String, _ value: JSONValue) {
        if members.capacity == 0 { members.reserveCapacity(4) }
        members.append(Member(key: key, value: value))
        if !positions.isEmpty {
            positions[ByteKey(key)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes member `key`, returning its value. Later members keep their
    /// relative order.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = index(forKey: key) else { return nil }
        let old = members.remove(at: position).value
        if members.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            positions = [:]
        }
        return old
    }

    private mutating func rebuildIndex() {
        var index = [ByteKey: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[ByteKey(member.key)] = position }
        positions = index
    }
}

extension JSONObject: RandomAccessCollection {
    /// A member: its key and value.
    public typealias Element = (key: String, value: JSONValue)

    /// The position of the first member.
    public var startIndex: Int { 0 }

    /// The position past the last member.
    public var endIndex: Int { members.count }

    /// The member at `position`.
    public subscript(position: Int) -> Element {
        (members[position].key, members[position].value)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object literal; members keep the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject: Hashable {
    /// Two objects are equal when they have the same keys with equal
    /// values, in any order (QEMU's `qdict_is_equal`).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Hashes independently of member order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            UTF8Bytes.hash(member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
