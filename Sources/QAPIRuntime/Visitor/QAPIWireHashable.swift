/// A QAPI value that is equal to another when their wire forms are.
///
/// Generated structs, unions, alternates and events conform. Two values
/// are equal when `qapiEncoded()` gives equal JSON values, in the sense
/// of `JSONValue`'s `==` (QEMU's `qobject_is_equal`), and they hash alike.
/// The runtime supplies both, so generated code carries no member-wise
/// `==` and `hash(into:)` of its own: a QAPI schema has hundreds of types,
/// and the synthesized pair of each is a large share of the compiler's
/// work on generated code.
public protocol QAPIWireHashable: QAPIEncodable, Hashable {}

// Neither inlined nor specialised into generated code: see QAPIObjectCodable.
extension QAPIWireHashable {
    /// Whether the two values have equal wire forms.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.qapiEncoded() == rhs.qapiEncoded()
    }

    /// Hashes the wire form.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public func hash(into hasher: inout Hasher) {
        hasher.combine(qapiEncoded())
    }

    /// The hash of the wire form.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public var hashValue: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }
}
