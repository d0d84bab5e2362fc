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

    @usableFromInline var storedKeys: [String] = []
    @usableFromInline var storedValues: [JSONValue] = []
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

    /// The keys, in member order.
    public var keys: [String] { storedKeys }

    /// The values, in member order.
    public var values: [JSONValue] { storedValues }

    /// The position of `key`, if present.
    @inlinable
    public func index(forKey key: String) -> Int? {
        if positions.isEmpty {
            return storedKeys.firstIndex { UTF8Bytes.equal($0, key) }
        }
        return positions[ByteKey(key)]
    }

    /// Whether the object has a member named `key`.
    @inlinable
    public func contains(key: String) -> Bool {
        index(forKey: key) != nil
    }

    /// The value of member `key`; assigning nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            index(forKey: key).map { storedValues[$0] }
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
            let old = storedValues[position]
            storedValues[position] = value
            return old
        }
        appendNew(key, value)
        return nil
    }

    /// Appends a member whose key the caller knows is not present yet.
    @usableFromInline
    mutating func appendNew(_ key: String, _ value: JSONValue) {
        storedKeys.append(key)
        storedValues.append(value)
        if !positions.isEmpty {
            positions[ByteKey(key)] = storedKeys.count - 1
        } else if storedKeys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes member `key`, returning its value. Later members keep their
    /// relative order.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = index(forKey: key) else { return nil }
        storedKeys.remove(at: position)
        let old = storedValues.remove(at: position)
        if storedKeys.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            positions = [:]
        }
        return old
    }

    private mutating func rebuildIndex() {
        var index = [ByteKey: Int](minimumCapacity: storedKeys.count)
        for (position, key) in storedKeys.enumerated() { index[ByteKey(key)] = position }
        positions = index
    }
}

extension JSONObject: RandomAccessCollection {
    /// A member: its key and value.
    public typealias Element = (key: String, value: JSONValue)

    /// The position of the first member.
    public var startIndex: Int { 0 }

    /// The position past the last member.
    public var endIndex: Int { storedKeys.count }

    /// The member at `position`.
    public subscript(position: Int) -> Element {
        (storedKeys[position], storedValues[position])
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
        for (position, key) in lhs.storedKeys.enumerated() {
            guard let other = rhs[key], other == lhs.storedValues[position] else { return false }
        }
        return true
    }

    /// Hashes independently of member order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (position, key) in storedKeys.enumerated() {
            var member = Hasher()
            UTF8Bytes.hash(key, into: &member)
            member.combine(storedValues[position])
            combined = combined &+ member.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
