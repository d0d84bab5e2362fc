/// Writes the members of one JSON object, for a struct's or union's
/// `encodeMembers(to:)`, in the order they are written.
public struct QAPIObjectEncoder: Sendable {
    /// The object written so far.
    public var object: JSONObject { members }

    @usableFromInline var members = JSONObject()

    /// An encoder with no members yet.
    @inlinable
    public init() {}

    /// Writes member `name`. Each name is written at most once (the schema
    /// guarantees distinct member names).
    ///
    /// Neither inlined nor specialised, like the writer of optional
    /// members: generated code calls them once per member, and inlined
    /// copies made a large part of a release build of generated code (see
    /// QAPIObjectCodable).
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public mutating func encode<T: QAPIEncodable>(_ value: T, _ name: String) {
        members.appendNew(name, value.qapiEncoded())
    }

    /// Writes optional member `name` when it is present; nil writes
    /// nothing.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public mutating func encode<T: QAPIEncodable>(_ value: T?, _ name: String) {
        if let value { members.appendNew(name, value.qapiEncoded()) }
    }
}
