extension JSONValue: Equatable {
    /// Equality in the sense of QEMU's `qobject_is_equal` (see the type's
    /// documentation); NaN equals NaN so that `Hashable` stays lawful.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.int(let a), .int(let b)):
            return a == b
        case (.uint(let a), .uint(let b)):
            return a == b
        case (.int(let a), .uint(let b)), (.uint(let b), .int(let a)):
            return a >= 0 && UInt64(a) == b
        case (.double(let a), .double(let b)):
            return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)):
            return UTF8Bytes.equal(a, b)
        case (.array(let a), .array(let b)):
            return a == b
        case (.object(let a), .object(let b)):
            return a == b
        default:
            return false
        }
    }
}

extension JSONValue: Hashable {
    /// Hashes consistently with `==`: integers by value whatever their
    /// kind, `-0.0` like `0.0`, all NaNs alike, objects independently of
    /// member order.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(2 as UInt8)
            if value >= 0 {
                hasher.combine(UInt64(value))
            } else {
                hasher.combine(value)
            }
        case .uint(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .double(let value):
            hasher.combine(3 as UInt8)
            if value.isNaN {
                hasher.combine(Double.nan.bitPattern)
            } else {
                hasher.combine(value == 0 ? 0 : value.bitPattern)
            }
        case .string(let value):
            hasher.combine(4 as UInt8)
            UTF8Bytes.hash(value, into: &hasher)
        case .array(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        case .object(let value):
            hasher.combine(6 as UInt8)
            hasher.combine(value)
        }
    }
}
