extension UTF8Bytes {
    /// `equal(_:_:)` comparing the strings' contiguous UTF-8 buffers,
    /// which is faster for the short native strings of member names and
    /// enum values.
    @inlinable
    static func contiguousEqual(_ a: String, _ b: String) -> Bool {
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        }
        return same.flatMap { $0 } ?? equal(a, b)
    }
}
