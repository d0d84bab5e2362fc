/// One JSON value being decoded, with what QEMU's error texts need to
/// know about where it sits.
///
/// Generated code receives a decoder in `init(qapi:)`; only alternates
/// look at it (`kind`, `decode()`, `noAlternateBranch(_:)`). The full
/// member path is not stored: errors collect it while they propagate.
public struct QAPIDecoder: Sendable {
    /// The value.
    public let value: JSONValue
    /// The member's own name, the "short" name of QEMU's texts; nil for
    /// list elements and for the root value.
    public let name: String?
    /// The compat policy in force (spec A6, A12).
    public let policy: QAPICompatPolicy

    /// A decoder for `value` found under member `name` (nil for a list
    /// element or the root).
    @inlinable
    public init(_ value: JSONValue, name: String? = nil, policy: QAPICompatPolicy = QAPICompatPolicy()) {
        self.value = value
        self.name = name
        self.policy = policy
    }

    /// The value's JSON kind: what an alternate chooses its branch by.
    @inlinable
    public var kind: JSONValue.Kind { value.kind }

    /// Decodes the value as `T`; an alternate's branch.
    @inlinable
    public func decode<T: QAPIDecodable>(_ type: T.Type = T.self) throws(QAPIDecodingError) -> T {
        try T(qapi: self)
    }

    /// The error for a value whose kind matches no branch of alternate
    /// `typeName` (spec A9).
    public func noAlternateBranch(_ typeName: String) -> QAPIDecodingError {
        .final(.generic("Invalid parameter type for '\(shortName)', expected: \(typeName)"))
    }

    /// The short name as QEMU prints it: the member name, or `null`.
    @usableFromInline
    var shortName: String { name ?? "null" }

    /// Decodes `value` as the root of a visit (command arguments, a
    /// command's return value, event data) and finishes the error
    /// message of any failure.
    @inlinable
    public static func decode<T: QAPIDecodable>(
        _ type: T.Type = T.self, from value: JSONValue, policy: QAPICompatPolicy = QAPICompatPolicy()
    ) throws(QMPError) -> T {
        do {
            return try T(qapi: QAPIDecoder(value, policy: policy))
        } catch {
            throw error.qmpError
        }
    }
}
