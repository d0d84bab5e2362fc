/// A QAPI enum: a Swift enum whose raw values are the wire names.
///
/// Reading takes a string (`Invalid parameter type for 'FULL', expected:
/// string` otherwise) that must match a raw value byte for byte
/// (`Parameter 'SHORT' does not accept value 'V'` otherwise), then
/// applies the compat policy to the value's features (spec A6).
public protocol QAPIEnum: QAPICodable, RawRepresentable where RawValue == String {
    /// This value's special features; none unless overridden.
    var qapiFeatures: QAPIFeatures { get }
}

extension QAPIEnum {
    /// No special features.
    @inlinable
    public var qapiFeatures: QAPIFeatures { [] }

    /// Reads the value from its wire name.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        let string = try String(qapi: decoder)
        guard let value = Self(rawValue: string), UTF8Bytes.contiguousEqual(value.rawValue, string) else {
            throw decoder.notAccepted(string)
        }
        try decoder.policy.check(value.qapiFeatures, kind: "value", name: string)
        self = value
    }

    /// The wire name.
    @inlinable
    public func qapiEncoded() -> JSONValue { .string(rawValue) }
}

extension QAPIDecoder {
    /// `Parameter 'SHORT' does not accept value 'V'`.
    @usableFromInline
    func notAccepted(_ string: String) -> QAPIDecodingError {
        .final(.generic("Parameter '\(shortName)' does not accept value '\(string)'"))
    }
}
