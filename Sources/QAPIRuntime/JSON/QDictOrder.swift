/// QEMU's QDict member order (spec T4).
///
/// A QDict is a hash table of 512 buckets; iterating it visits the
/// buckets in order and, within a bucket, the most recently inserted key
/// first. QEMU writes every object in that order, so writing a value
/// byte-identical to QEMU means reordering each object's members. The
/// insertion order QEMU would have used is the member order of the
/// `JSONObject`.
public enum QDictOrder {
    /// The number of buckets of a QDict (QEMU's `QDICT_BUCKET_MAX`).
    public static let bucketCount: UInt32 = 512

    /// The bucket `key` falls into: `tdb_hash(key) % 512`.
    ///
    /// The hash runs over the bytes QEMU stores for the key; QEMU's JSON
    /// parser stores U+0000 as `C0 80`, so a NUL hashes as those two bytes.
    public static func bucket(of key: String) -> Int {
        var length: UInt32 = 0
        var sum: UInt32 = 0
        func add(_ byte: UInt8) {
            sum &+= UInt32(byte) << ((length &* 5) % 24)
            length &+= 1
        }
        for byte in key.utf8 {
            if byte == 0 {
                add(0xC0)
                add(0x80)
            } else {
                add(byte)
            }
        }
        let value = 0x238F_13AF &* length &+ sum
        let hash = 1_103_515_243 &* value &+ 12345
        return Int(hash % bucketCount)
    }

    /// The positions of `object`'s members in QDict iteration order:
    /// by bucket, and within a bucket the later member first.
    public static func positions(of object: JSONObject) -> [Int] {
        let buckets = object.members.map { bucket(of: $0.key) }
        return object.indices.sorted { a, b in
            buckets[a] != buckets[b] ? buckets[a] < buckets[b] : a > b
        }
    }
}

extension JSONValue {
    /// This value with every object, at any depth, reordered into QDict
    /// iteration order (spec T4).
    ///
    /// The result is meant for a writer that keeps member order. Because
    /// the order within a bucket depends on insertion order, reordering
    /// an already reordered value again is not the identity; to write a
    /// value in QEMU's order directly, use `JSONWriter(memberOrder: .qdict)`.
    public func qdictOrdered() -> JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map { $0.qdictOrdered() })
        case .object(let object):
            var reordered = JSONObject()
            for position in QDictOrder.positions(of: object) {
                let member = object.members[position]
                reordered.appendNew(member.key, member.value.qdictOrdered())
            }
            return .object(reordered)
        default:
            return self
        }
    }
}
