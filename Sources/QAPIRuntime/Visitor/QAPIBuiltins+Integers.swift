extension Int64: QAPIDecodable, QAPIEncodable {
    /// Reads an `int`: only an integer token that fits `Int64`; floats
    /// (even `64.0` or `1e2`), larger integers and non-numbers give
    /// `Invalid parameter type for 'FULL', expected: integer` (spec A3).
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        try self.init(qapiValue: decoder.value)
    }

    /// Reads `value` directly, with no decoder.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        try Self(qapiValue: value)
    }

    @usableFromInline
    init(qapiValue value: JSONValue) throws(QAPIDecodingError) {
        guard let number = value.int64Value else { throw .invalidType(expected: "integer") }
        self = number
    }

    /// The integer.
    @inlinable
    public func qapiEncoded() -> JSONValue { .int(self) }
}

extension UInt64: QAPIDecodable, QAPIEncodable {
    /// Reads a `uint64` (and `size`): any integer token that fits
    /// `UInt64`, or a negative one that fits `Int64`, wrapped (spec A4);
    /// `Parameter 'FULL' expects uint64` otherwise.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        try self.init(qapiValue: decoder.value)
    }

    /// Reads `value` directly, with no decoder.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        try Self(qapiValue: value)
    }

    @usableFromInline
    init(qapiValue value: JSONValue) throws(QAPIDecodingError) {
        switch value {
        case .int(let number): self = UInt64(bitPattern: number)
        case .uint(let number): self = number
        default: throw .expects("uint64")
        }
    }

    /// The integer.
    @inlinable
    public func qapiEncoded() -> JSONValue { .unsigned(self) }
}

/// A signed builtin narrower than `int`: read as `int`, then range
/// checked with `Parameter 'SHORT' expects intN` (spec A5).
public protocol QAPISizedSignedInteger: FixedWidthInteger, SignedInteger, QAPICodable {
    /// The QAPI name (`int8`, `int16`, `int32`) used in the range error.
    static var qapiTypeName: String { get }
}

/// An unsigned builtin narrower than `uint64`: read as `uint64` (so
/// negatives wrap and fail the range check), then range checked with
/// `Parameter 'SHORT' expects uintN` (spec A5).
public protocol QAPISizedUnsignedInteger: FixedWidthInteger, UnsignedInteger, QAPICodable {
    /// The QAPI name (`uint8`, `uint16`, `uint32`) used in the range error.
    static var qapiTypeName: String { get }
}

extension QAPISizedSignedInteger {
    /// Reads an `int` and checks it fits this type.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        try self.init(qapiValue: decoder.value, name: decoder.name)
    }

    /// Reads `value` directly, with no decoder.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        try Self(qapiValue: value, name: step.memberName)
    }

    @inlinable
    init(qapiValue value: JSONValue, name: String?) throws(QAPIDecodingError) {
        let wide = try Int64(qapiValue: value)
        guard let narrow = Self(exactly: wide) else { throw .outOfRange(Self.qapiTypeName, name: name) }
        self = narrow
    }

    /// The integer.
    @inlinable
    public func qapiEncoded() -> JSONValue { .int(Int64(self)) }
}

extension QAPISizedUnsignedInteger {
    /// Reads a `uint64` and checks it fits this type.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        try self.init(qapiValue: decoder.value, name: decoder.name)
    }

    /// Reads `value` directly, with no decoder.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        try Self(qapiValue: value, name: step.memberName)
    }

    @inlinable
    init(qapiValue value: JSONValue, name: String?) throws(QAPIDecodingError) {
        let wide = try UInt64(qapiValue: value)
        guard let narrow = Self(exactly: wide) else { throw .outOfRange(Self.qapiTypeName, name: name) }
        self = narrow
    }

    /// The integer.
    @inlinable
    public func qapiEncoded() -> JSONValue { .int(Int64(self)) }
}

extension QAPIDecodingError {
    /// `Parameter 'SHORT' expects TYPE`, for a sized integer out of range:
    /// SHORT is the member's name, `null` for a list element.
    @usableFromInline
    static func outOfRange(_ typeName: String, name: String?) -> QAPIDecodingError {
        .final(.generic("Parameter '\(name ?? "null")' expects \(typeName)"))
    }
}

extension Int8: QAPISizedSignedInteger {
    /// `int8`.
    public static var qapiTypeName: String { "int8" }
}

extension Int16: QAPISizedSignedInteger {
    /// `int16`.
    public static var qapiTypeName: String { "int16" }
}

extension Int32: QAPISizedSignedInteger {
    /// `int32`.
    public static var qapiTypeName: String { "int32" }
}

extension UInt8: QAPISizedUnsignedInteger {
    /// `uint8`.
    public static var qapiTypeName: String { "uint8" }
}

extension UInt16: QAPISizedUnsignedInteger {
    /// `uint16`.
    public static var qapiTypeName: String { "uint16" }
}

extension UInt32: QAPISizedUnsignedInteger {
    /// `uint32`.
    public static var qapiTypeName: String { "uint32" }
}
