/// A type: built-in, enum, array, object (struct or union) or alternate.
public class QAPISchemaType: QAPISchemaDefinition {
    /// The JSON type of the type's values: `string`, `number`, `int`,
    /// `boolean`, `null`, `value` (any), `array` or `object`.
    public var jsonType: String { "" }

    /// The `QType` an alternate uses to tell this branch apart, or `nil`
    /// when the type cannot be an alternate's branch.
    public var alternateQType: QAPIQType? {
        switch jsonType {
        case "null": return .qnull
        case "string": return .qstring
        case "number", "int": return .qnum
        case "boolean": return .qbool
        case "array": return .qlist
        case "object": return .qdict
        default: return nil
        }
    }

    /// The name documentation uses for the type, `nil` for implicit types.
    public var docType: String? { isImplicit ? nil : name }

    /// `struct type 'T'`, `enum type 'E'`, `built-in type 'int'`, ...
    public override func describe() -> String {
        "\(meta.rawValue) type '\(name)'"
    }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        for feature in features where feature.isSpecial {
            throw QAPIError(info, "feature '\(feature.name)' is not supported for types")
        }
    }
}

/// The kinds of JSON value, as QEMU's `QType` enum names them (alternates
/// dispatch on them).
public enum QAPIQType: String, Sendable, Hashable, CaseIterable {
    /// No value.
    case none
    /// JSON `null`.
    case qnull
    /// A number.
    case qnum
    /// A string.
    case qstring
    /// An object.
    case qdict
    /// An array.
    case qlist
    /// A boolean.
    case qbool

    /// The C enumeration constant, such as `QTYPE_QSTRING`.
    public var constantName: String { "QTYPE_" + rawValue.uppercased() }
}
