/// A QAPI enum: a Swift enum with one case per value of the schema and an
/// `unknown(String)` case for a value this build does not know, as a peer
/// newer than the schema may send. `rawValue` is the wire name.
///
/// Strict reading (a server's) takes a string (`Invalid parameter type
/// for 'FULL', expected: string` otherwise) that must be a known value
/// byte for byte (`Parameter 'SHORT' does not accept value 'V'`
/// otherwise), then applies the compat policy to the value's features
/// (spec A6). Tolerant reading (a client's) keeps an unknown value as
/// `unknown`, which writes back unchanged.
public protocol QAPIEnum: QAPICodable, RawRepresentable, CaseIterable, Hashable where RawValue == String {
    /// The known value whose wire name is `name`; nil for any other name.
    init?(knownName name: String)
    /// A value this build does not know, kept as its wire name.
    static func unknown(_ name: String) -> Self
    /// This value's special features; none unless overridden.
    var qapiFeatures: QAPIFeatures { get }
}

extension QAPIEnum {
    /// The value named `rawValue`: a known one, or `unknown(rawValue)`.
    @inlinable
    public init(rawValue: String) {
        self = Self(knownName: rawValue) ?? .unknown(rawValue)
    }

    /// Whether this is a value of the schema (not `unknown`).
    @inlinable
    public var isKnown: Bool { Self(knownName: rawValue) != nil }

    /// No special features.
    @inlinable
    public var qapiFeatures: QAPIFeatures { [] }

    /// Reads the value from its wire name.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        let string = try String(qapi: decoder)
        // Swift compares strings by canonical equivalence (U+212A KELVIN
        // SIGN equals "K"); wire names match byte for byte.
        guard let value = Self(knownName: string), UTF8Bytes.equal(value.rawValue, string) else {
            guard decoder.options.isTolerant else { throw decoder.notAccepted(string) }
            decoder.reportDrift(.unknownEnumValue(string))
            self = .unknown(string)
            return
        }
        try decoder.policy.check(value.qapiFeatures, kind: "value", name: string)
        self = value
    }

    /// The wire name.
    @inlinable
    public func qapiEncoded() -> JSONValue { .string(rawValue) }

    /// Whether the two values have the same wire name, byte for byte:
    /// `unknown("on")` equals a known `on`, as on the wire. The runtime
    /// supplies this, `hash(into:)` and `hashValue`, neither inlined nor
    /// specialised (see QAPIObjectCodable), so that generated enums carry
    /// no synthesized code of their own for them.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public static func == (lhs: Self, rhs: Self) -> Bool {
        UTF8Bytes.equal(lhs.rawValue, rhs.rawValue)
    }

    /// Hashes the wire name.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(rawValue, into: &hasher)
    }

    /// The hash of the wire name.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public var hashValue: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }
}

extension QAPIDecoder {
    /// `Parameter 'SHORT' does not accept value 'V'`.
    @usableFromInline
    func notAccepted(_ string: String) -> QAPIDecodingError {
        .final(.generic("Parameter '\(shortName)' does not accept value '\(string)'"))
    }
}
