/// Reads the members of one JSON object, for a struct's or union's
/// `init(qapiMembers:)`.
///
/// Members are looked up by name; when the input lists them in schema
/// order each lookup is a single comparison at the position after the
/// previous one. Positions read are recorded so that, once every member
/// was read, a leftover key is reported as unexpected.
public struct QAPIObjectDecoder: Sendable {
    @usableFromInline let object: JSONObject
    /// The decoder of the object itself, for its options and path (its
    /// value may be left out, as `object` holds it).
    @usableFromInline let parent: QAPIDecoder
    /// Where the next member probably is.
    @usableFromInline var cursor = 0
    @usableFromInline var consumed = QAPIPositionSet()

    /// A decoder for the members of `object`, strict.
    @inlinable
    public init(_ object: JSONObject, policy: QAPICompatPolicy = QAPICompatPolicy()) {
        self.init(object, decoder: QAPIDecoder(.object(object), policy: policy))
    }

    /// A decoder for the members of `object`, read by `decoder`.
    @inlinable
    init(_ object: JSONObject, decoder: QAPIDecoder) {
        self.object = object
        self.parent = decoder
    }

    @inlinable
    var policy: QAPICompatPolicy { parent.options.compat }

    /// Whether the decoder tolerates what this build does not know.
    @inlinable
    public var isTolerant: Bool { parent.options.isTolerant }

    /// Reports that a union's discriminator has value `value`, which this
    /// build does not know (tolerant decoding only).
    public func reportUnknownBranch(_ value: String) {
        parent.reportDrift(.unknownBranch(value))
    }

    /// Reads required member `name`: `Parameter 'FULL' is missing` when
    /// absent. With special `features`, the compat policy is applied
    /// first, as QEMU does, even when the member is absent.
    ///
    /// Specialised for each member type but not inlined, like `optional`:
    /// generated decoders call them once per member, and inlined copies
    /// made decoders the largest share of an optimised build of generated
    /// code.
    @inlinable @inline(never)
    public mutating func required<T: QAPIDecodable>(
        _ name: String, features: QAPIFeatures = QAPIFeatures()
    ) throws(QAPIDecodingError) -> T {
        try policy.check(features, kind: "parameter", name: name)
        guard let position = take(name) else {
            throw QAPIDecodingError(.missing, at: [.member(name)])
        }
        return try decode(at: position, name)
    }

    /// Reads optional member `name`: nil when absent. A `null` value is
    /// present and decoded as `T` (spec A10).
    @inlinable @inline(never)
    public mutating func optional<T: QAPIDecodable>(
        _ name: String, features: QAPIFeatures = QAPIFeatures()
    ) throws(QAPIDecodingError) -> T? {
        guard let position = take(name) else { return nil }
        try policy.check(features, kind: "parameter", name: name)
        return try decode(at: position, name) as T
    }

    /// Throws `Parameter 'FULL' is unexpected` for a key no member read;
    /// the first such key in input order. A tolerant decoder skips such
    /// keys and reports them as drift.
    @usableFromInline
    func finish() throws(QAPIDecodingError) {
        if consumed.count == object.count { return }
        if parent.options.isTolerant {
            for position in object.indices where !consumed.contains(position) {
                parent.reportDrift(.unknownMember, at: .member(object.members[position].key))
            }
            return
        }
        guard let position = object.indices.first(where: { !consumed.contains($0) }) else { return }
        throw QAPIDecodingError(.unexpected, at: [.member(object.members[position].key)])
    }

    /// Decodes the value of the member at `position`, named `name`,
    /// borrowing it from the object's storage (no copy to pass on).
    @inlinable
    func decode<T: QAPIDecodable>(at position: Int, _ name: String) throws(QAPIDecodingError) -> T {
        do {
            return try object.members.withUnsafeBufferPointer { members throws(QAPIDecodingError) in
                try T.qapiDecode(members[position].value, at: .member(name), in: parent)
            }
        } catch {
            throw error.within(.member(name))
        }
    }

    /// The position of member `name`, marked as read; nil when absent.
    ///
    /// The search starts at the cursor and wraps around: when the input
    /// lists members in schema order, the first comparison hits, and in
    /// QEMU's own order (by hash bucket) the next member read is rarely
    /// far.
    @inlinable
    mutating func take(_ name: String) -> Int? {
        let count = object.members.count
        // Once every key was read, no lookup can succeed.
        if consumed.count == count { return nil }
        let found: Int?
        if object.positions.isEmpty {
            let probe = UTF8Bytes.Probe(name)
            let start = cursor < count ? cursor : 0
            found = object.members.withUnsafeBufferPointer { members in
                var position = start
                repeat {
                    if probe.matches(members[position].key) { return position }
                    position = position + 1 == count ? 0 : position + 1
                } while position != start
                return nil
            }
        } else {
            found = object.index(forKey: name)
        }
        guard let position = found else { return nil }
        cursor = position + 1
        consumed.insert(position)
        return position
    }
}
