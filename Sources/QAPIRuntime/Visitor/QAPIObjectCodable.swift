/// A type encoded as a JSON object whose members are read and written one
/// by one: QAPI structs, unions, and the branch types of unions (whose
/// members are read from the union's own object).
public protocol QAPIObjectDecodable: QAPIDecodable {
    /// Reads this type's members from `members`, base members first, in
    /// schema order.
    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError)
}

/// A type whose members are written into a JSON object.
public protocol QAPIObjectEncodable: QAPIEncodable {
    /// Writes this type's members, in schema order, to `encoder`.
    func encodeMembers(to encoder: inout QAPIObjectEncoder)
}

/// A QAPI struct or union: read and written as a JSON object.
public typealias QAPIObjectCodable = QAPIObjectDecodable & QAPIObjectEncodable

// The three defaults below are deliberately not @inlinable, and neither
// inlined nor specialised (a release build of a client serialises small
// public functions across modules, so leaving @inlinable out is not
// enough): every struct and union uses them, and a copy specialised for
// each of a schema's hundreds of types was a large share of a release
// build of generated code, for no decoding speed that the decode
// benchmark could measure (each runs once per object; the members' own
// reads stay inlinable). The same holds for the defaults of
// QAPIWireHashable and QAPIEnum's equality and hashing, and for
// QAPIObjectEncoder's writers.
extension QAPIObjectDecodable {
    /// Reads an object: the value must be an object, every member is read,
    /// then any key left over is reported as unexpected (spec A1, A7).
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        guard case .object(let object) = decoder.value else {
            throw .invalidType(expected: "object")
        }
        var members = QAPIObjectDecoder(object, decoder: consume decoder)
        self = try Self(qapiMembers: &members)
        try members.finish()
    }

    /// Reads a member's or element's object the same way, with no decoder
    /// holding a second copy of it: the member decoder gets the object,
    /// and the object's place (options and path) without its value.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        guard case .object(let object) = value else {
            throw .invalidType(expected: "object")
        }
        var members = QAPIObjectDecoder(object, decoder: parent.child(.null, step: step))
        let decoded = try Self(qapiMembers: &members)
        try members.finish()
        return decoded
    }
}

extension QAPIObjectEncodable {
    /// The members as a JSON object, in schema order.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    public func qapiEncoded() -> JSONValue {
        var encoder = QAPIObjectEncoder()
        encodeMembers(to: &encoder)
        return .object(encoder.object)
    }
}
