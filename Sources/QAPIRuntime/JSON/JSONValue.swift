/// A JSON value as QEMU's QObject model sees it.
///
/// Numbers keep QEMU's three QNum kinds: an integer token that fits
/// `Int64` is `.int`, one that only fits `UInt64` is `.uint`, and every
/// other number is `.double`. Objects keep their member order.
///
/// Equality follows QEMU's `qobject_is_equal`: `.int` and `.uint` with
/// the same value are equal, strings compare byte for byte (no Unicode
/// normalization), a double never equals an integer, and two objects
/// are equal when they have the same members in any order.
public enum JSONValue: Sendable {
    /// JSON `null`.
    case null
    /// JSON `true` or `false`.
    case bool(Bool)
    /// An integer that fits `Int64` (QNum `QNUM_I64`).
    case int(Int64)
    /// An integer above `Int64.max` that fits `UInt64` (QNum `QNUM_U64`).
    case uint(UInt64)
    /// Any other number (QNum `QNUM_DOUBLE`).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose members keep their insertion order.
    case object(JSONObject)

    /// The integer `value`, as `.int` when it fits `Int64`, else `.uint`.
    public static func unsigned(_ value: UInt64) -> JSONValue {
        value <= UInt64(Int64.max) ? .int(Int64(value)) : .uint(value)
    }
}

extension JSONValue {
    /// The kind of a value, named after QEMU's `QType`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `null`.
        case null
        /// A number of any QNum kind.
        case number
        /// A string.
        case string
        /// An object (QDict).
        case object
        /// An array (QList).
        case array
        /// A boolean.
        case boolean
    }

    /// This value's kind.
    public var kind: Kind {
        switch self {
        case .null: return .null
        case .bool: return .boolean
        case .int, .uint, .double: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is an integer (`.int` or `.uint`), as opposed to a
    /// double or a non-number.
    public var isInteger: Bool {
        switch self {
        case .int, .uint: return true
        default: return false
        }
    }

    /// The value as `Int64`, if it is an integer that fits
    /// (QEMU's `qnum_get_try_int`). Doubles give nil, even `64.0`.
    public var int64Value: Int64? {
        switch self {
        case .int(let value): return value
        case .uint(let value): return value <= UInt64(Int64.max) ? Int64(value) : nil
        default: return nil
        }
    }

    /// The value as `UInt64`, if it is a non-negative integer that fits
    /// (QEMU's `qnum_get_try_uint`). Doubles give nil.
    public var uint64Value: UInt64? {
        switch self {
        case .int(let value): return value >= 0 ? UInt64(value) : nil
        case .uint(let value): return value
        default: return nil
        }
    }

    /// The value as `Double`, for any number (QEMU's `qnum_get_double`).
    public var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .uint(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The member named `key`, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
