/// Byte-wise string comparison and hashing.
///
/// QEMU compares strings with `strcmp`, while Swift's `String ==` uses
/// canonical equivalence (`"é"` equals `"e\u{301}"`). Object keys and
/// string values use these helpers so that two strings are equal exactly
/// when QEMU would say so.
@usableFromInline
enum UTF8Bytes {
    /// Whether `a` and `b` have the same UTF-8 bytes: identical
    /// representations settle it at once (`Representation`), otherwise
    /// the bytes decide.
    @inlinable
    static func equal(_ a: String, _ b: String) -> Bool {
        Representation(a) == Representation(b) || equalBytes(a, b)
    }

    /// Whether `a` and `b` have the same UTF-8 bytes: lengths first, then
    /// the contiguous buffers of native strings word by word.
    @inlinable
    static func equalBytes(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        let same = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in equal(UnsafeRawBufferPointer(p), UnsafeRawBufferPointer(q)) }
        }
        return same.flatMap { $0 } ?? x.elementsEqual(y)
    }

    /// Whether two buffers of the same length hold the same bytes.
    @inlinable
    static func equal(_ p: UnsafeRawBufferPointer, _ q: UnsafeRawBufferPointer) -> Bool {
        let count = p.count
        var offset = 0
        while offset + 8 <= count {
            if p.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != q.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if p[offset] != q[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Feeds the UTF-8 bytes of `string` to `hasher`.
    @inlinable
    static func hash(_ string: String, into hasher: inout Hasher) {
        let utf8 = string.utf8
        hasher.combine(utf8.count)
        let done: Void? = utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }
}

/// A dictionary key that compares strings byte for byte.
@usableFromInline
struct ByteKey: Hashable, Sendable {
    /// The key.
    @usableFromInline let string: String

    /// Wraps `string`.
    @inlinable
    init(_ string: String) { self.string = string }

    /// Byte-wise equality.
    @inlinable
    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        UTF8Bytes.equal(lhs.string, rhs.string)
    }

    /// Byte-wise hash.
    @inlinable
    func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(string, into: &hasher)
    }
}
