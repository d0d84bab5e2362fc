// How generated code uses the visitor layer.
//
// Every generated type conforms to QAPICodable: it can be built from a
// QAPIDecoder (one JSON value plus the member name it was found under)
// and turned back into a JSONValue. Decoding reproduces QEMU's QObject
// input visitor: its error texts, its member paths and its order of
// checks. Encoding keeps schema member order.
//
// Builtin types map as follows: 'str' String, 'bool' Bool, 'int' and
// 'int64' Int64, 'int8' Int8, 'int16' Int16, 'int32' Int32, 'uint8'
// UInt8, 'uint16' UInt16, 'uint32' UInt32, 'uint64' UInt64, 'size'
// UInt64 as well (QEMU's JSON input visitor has no size rule of its own:
// it decodes 'size' exactly like 'uint64', texts included), 'number'
// Double, 'null' QAPINull, 'any' JSONValue, ['T'] [T].
//
// A struct conforms to QAPIObjectCodable and implements two members.
// init(qapiMembers:) reads the members, base members first, in schema
// order, from an inout QAPIObjectDecoder straight into the memberwise
// initializer, which runs once every member was read (so no throw leaves
// `self` partly set):
//
//     self.init(
//         id: try members.required("id"),
//         nodeName: try members.optional("node-name"),
//         old: try members.required("old", features: .deprecated)
//     )
//
// encodeMembers(to:) writes them in the same order to an inout
// QAPIObjectEncoder; optional members that are nil are left out. It is
// compiled without optimisation (each line is a call to the generic
// writer, so the optimiser has nothing to gain there):
//
//     @_optimize(none)
//     func encodeMembers(to encoder: inout QAPIObjectEncoder) {
//         encoder.encode(id, "id")
//         encoder.encode(nodeName, "node-name")
//     }
//
// The protocol's extension supplies the rest: checking that the value is
// an object, and rejecting unexpected keys only after every member was
// read (spec A1, A7). Member names are always string literals. Equality
// and hashing come from the runtime too: generated types declare
// QAPIWireHashable (equal when their encodings are), and QAPIEnum
// compares wire names.
//
// An enum is `enum X: String, QAPIEnum` with the wire names as raw
// values; nothing else is needed. Values with special features override
// qapiFeatures (a switch returning .deprecated or .unstable).
//
// A flat union is a struct whose init(qapiMembers:) reads the base
// members (the discriminator among them, as an ordinary enum member, in
// its schema position), switches on the discriminator and reads the
// branch's members from the same decoder with the branch type's own
// init(qapiMembers:). A branch without members reads nothing.
// encodeMembers(to:) mirrors it: base members (the discriminator
// derived from the branch), then the branch's encodeMembers(to:). The
// union's `Branch` enum is a QAPIUnionBranch: it gives its discriminator
// value (qapiTag) and writes its own members, and the runtime derives its
// equality and hashing from the two.
//
// An alternate is an enum whose init(qapi:) switches on decoder.kind,
// decodes the matching branch with decoder.decode(), and otherwise
// throws decoder.noAlternateBranch("AlternateName"). Its qapiEncoded()
// returns the branch value's qapiEncoded().
//
// Members and list elements are read through QAPIDecodable's
// qapiDecode(_:at:in:), which generated code neither implements nor calls:
// its default makes a decoder for the value and calls init(qapi:);
// builtin scalars read the value directly, and structs and unions hand
// their object to the member decoder without a second copy.
//
// Commands decode their arguments with QAPIDecoder.decode(_:from:policy:),
// which throws the finished QMPError. Inside generated code errors are
// QAPIDecodingError values, which gain their member path as they
// propagate; nothing on the success path builds a string.

/// A type that can be read from a JSON value the way QEMU's QObject input
/// visitor reads it.
public protocol QAPIDecodable: Sendable {
    /// Reads a value from `decoder`, or throws QEMU's error for it.
    init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError)

    /// Reads `value`, found one level below the value `parent` decodes,
    /// at `step` (a member or a list element).
    ///
    /// The default makes a decoder for `value` and calls `init(qapi:)`.
    /// Builtin scalars read `value` directly: they need neither the
    /// options nor the path a decoder carries, and members and list
    /// elements are mostly scalars.
    static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self
}

extension QAPIDecodable {
    /// Makes a decoder for `value` and reads it with `init(qapi:)`.
    @inlinable
    public static func qapiDecode(
        _ value: JSONValue, at step: QAPIDecodingError.Step, in parent: QAPIDecoder
    ) throws(QAPIDecodingError) -> Self {
        try Self(qapi: parent.child(value, step: step))
    }
}

/// A type that can be written as a JSON value the way QEMU's QObject
/// output visitor writes it.
public protocol QAPIEncodable: Sendable {
    /// The value as JSON, object members in schema order.
    func qapiEncoded() -> JSONValue
}

/// A type that can be both read and written.
public typealias QAPICodable = QAPIDecodable & QAPIEncodable
