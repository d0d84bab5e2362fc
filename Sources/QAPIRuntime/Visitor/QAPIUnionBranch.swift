/// The `Branch` of a generated union: one case per value of the union's
/// discriminator, carrying that branch's own members.
///
/// Two branches are equal when their discriminator values have the same
/// wire name and their members have equal wire forms, so `unknown("b")`
/// equals a known member-less `b`, as on the wire (and as QAPIEnum's values
/// compare). The runtime supplies `==` and hashing, neither inlined nor
/// specialised (see QAPIObjectCodable), so that no union carries a
/// synthesized pair of its own: for a union of many branches, that pair
/// was the largest function of its file for the compiler.
public protocol QAPIUnionBranch: Hashable, Sendable {
    /// The discriminator's enum.
    associatedtype QAPITag: QAPIEnum
    /// The value of the discriminator that selects this branch.
    var qapiTag: QAPITag { get }
    /// Writes the branch's own members, in schema order, to `encoder`
    /// (none for a branch without members, or an unknown one).
    func encodeMembers(to encoder: inout QAPIObjectEncoder)
}

extension QAPIUnionBranch {
    /// Whether the two branches have the same discriminator value and
    /// members with equal wire forms.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.qapiTag == rhs.qapiTag && lhs.qapiEncodedMembers() == rhs.qapiEncodedMembers()
    }

    /// Hashes the discriminator's wire name and the members' wire form.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public func hash(into hasher: inout Hasher) {
        hasher.combine(qapiTag)
        hasher.combine(qapiEncodedMembers())
    }

    /// The hash of the discriminator's wire name and the members' wire form.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public var hashValue: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }

    /// The branch's members as a JSON object.
    private func qapiEncodedMembers() -> JSONValue {
        var encoder = QAPIObjectEncoder()
        encodeMembers(to: &encoder)
        return .object(encoder.object)
    }
}
