extension UTF8Bytes {
    /// A string to compare with many others byte for byte, prepared once:
    /// its representation, which settles equal small strings (a member
    /// name looked up among parsed keys) with two word comparisons, and
    /// its length, which settles most unequal ones.
    @usableFromInline
    struct Probe {
        @usableFromInline let string: String
        @usableFromInline let count: Int
        @usableFromInline let representation: Representation

        /// A probe for `string`.
        @inlinable
        init(_ string: String) {
            self.string = string
            count = string.utf8.count
            representation = Representation(string)
        }

        /// Whether `other` has the same UTF-8 bytes.
        @inlinable @inline(__always)
        func matches(_ other: String) -> Bool {
            if Representation(other) == representation { return true }
            return other.utf8.count == count && UTF8Bytes.equalBytes(other, string)
        }
    }

    /// The bits of a string value. Strings with identical representations
    /// share their bytes: inline for small strings (equal small strings
    /// always have identical ones), or the same immutable storage while
    /// both are alive.
    @usableFromInline
    struct Representation: Equatable {
        @usableFromInline let first: UInt64
        @usableFromInline let second: UInt64

        /// The representation of `string`; on a platform where a string
        /// is not two words, one that never equals another.
        @inlinable
        init(_ string: String) {
            if MemoryLayout<String>.size == 16 {
                // The bits themselves, in registers: nothing is retained.
                (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
            } else {
                first = 0
                second = 0
            }
        }

        /// Whether both are the representations of the same string value
        /// (never, where strings are not two words).
        @inlinable
        static func == (lhs: Representation, rhs: Representation) -> Bool {
            MemoryLayout<String>.size == 16 && lhs.first == rhs.first && lhs.second == rhs.second
        }
    }
}
