extension String: QAPIDecodable, QAPIEncodable {
    /// Reads a `str`: `Invalid parameter type for 'FULL', expected: string`
    /// for anything but a string.
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
        guard case .string(let string) = value else { throw .invalidType(expected: "string") }
        self = string
    }

    /// The string.
    @inlinable
    public func qapiEncoded() -> JSONValue { .string(self) }
}

extension Bool: QAPIDecodable, QAPIEncodable {
    /// Reads a `bool`: `Invalid parameter type for 'FULL', expected:
    /// boolean` for anything but `true` or `false`.
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
        guard case .bool(let flag) = value else { throw .invalidType(expected: "boolean") }
        self = flag
    }

    /// The boolean.
    @inlinable
    public func qapiEncoded() -> JSONValue { .bool(self) }
}

extension Double: QAPIDecodable, QAPIEncodable {
    /// Reads a `number`: any JSON number, integers converted; `Invalid
    /// parameter type for 'FULL', expected: number` otherwise.
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
        guard let number = value.doubleValue else { throw .invalidType(expected: "number") }
        self = number
    }

    /// The number, written as a double.
    @inlinable
    public func qapiEncoded() -> JSONValue { .double(self) }
}

extension JSONValue: QAPIDecodable, QAPIEncodable {
    /// Reads an `any`: every value, `null` included.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        self = decoder.value
    }

    /// Takes `value` itself, with no decoder.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        value
    }

    /// The value itself.
    @inlinable
    public func qapiEncoded() -> JSONValue { self }
}

/// QAPI's builtin `null` type: its only value is JSON `null`.
public struct QAPINull: QAPICodable, Hashable {
    /// The null value.
    @inlinable
    public init() {}

    /// Reads a `null`: `Invalid parameter type for 'FULL', expected: null`
    /// for anything else.
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
        guard case .null = value else { throw .invalidType(expected: "null") }
    }

    /// JSON `null`.
    @inlinable
    public func qapiEncoded() -> JSONValue { .null }
}
