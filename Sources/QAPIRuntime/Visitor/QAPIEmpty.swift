/// The value of a command without arguments or without `returns`: an
/// empty JSON object, `{}`. Reading it rejects any member (spec R9, A11).
public struct QAPIEmpty: QAPIObjectCodable, Hashable, Sendable {
    /// The empty value.
    @inlinable
    public init() {}

    /// Reads no members; a member left over is unexpected.
    @inlinable
    public init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {}

    /// Writes no members.
    @inlinable
    public func encodeMembers(to encoder: inout QAPIObjectEncoder) {}
}
