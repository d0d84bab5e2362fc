// The SchemaInfo types of qapi/introspect.json written by hand as
// Foundation `Decodable` types, the way a Swift developer would without
// this project: the yardstick for the generated decoders.

/// One `query-qmp-schema` entry, decoded with `JSONDecoder`.
struct CodableSchemaInfo: Decodable, Hashable {
    var name: String
    var features: [String]?
    var details: Details

    /// The members that depend on `meta-type`.
    enum Details: Hashable {
        case builtin(jsonType: String)
        case enumeration(members: [EnumMember], values: [String])
        case array(elementType: String)
        case object(members: [ObjectMember], tag: String?, variants: [Variant]?)
        case alternate(members: [AlternateMember])
        case command(argType: String, retType: String, allowOOB: Bool?)
        case event(argType: String)
    }

    struct EnumMember: Decodable, Hashable {
        var name: String
        var features: [String]?
    }

    struct ObjectMember: Decodable, Hashable {
        var name: String
        var type: String
        var `default`: DefaultValue?
        var features: [String]?
    }

    /// The reserved `default` member, always JSON `null` today.
    struct DefaultValue: Decodable, Hashable {
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            guard container.decodeNil() else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "default is not null")
            }
        }
    }

    struct Variant: Decodable, Hashable {
        var `case`: String
        var type: String
    }

    struct AlternateMember: Decodable, Hashable {
        var type: String
    }

    enum CodingKeys: String, CodingKey {
        case name, features, members, values, tag, variants
        case metaType = "meta-type"
        case jsonType = "json-type"
        case elementType = "element-type"
        case argType = "arg-type"
        case retType = "ret-type"
        case allowOOB = "allow-oob"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        features = try container.decodeIfPresent([String].self, forKey: .features)
        let metaType = try container.decode(String.self, forKey: .metaType)
        switch metaType {
        case "builtin":
            details = .builtin(jsonType: try container.decode(String.self, forKey: .jsonType))
        case "enum":
            details = .enumeration(
                members: try container.decode([EnumMember].self, forKey: .members),
                values: try container.decode([String].self, forKey: .values))
        case "array":
            details = .array(elementType: try container.decode(String.self, forKey: .elementType))
        case "object":
            details = .object(
                members: try container.decode([ObjectMember].self, forKey: .members),
                tag: try container.decodeIfPresent(String.self, forKey: .tag),
                variants: try container.decodeIfPresent([Variant].self, forKey: .variants))
        case "alternate":
            details = .alternate(members: try container.decode([AlternateMember].self, forKey: .members))
        case "command":
            details = .command(
                argType: try container.decode(String.self, forKey: .argType),
                retType: try container.decode(String.self, forKey: .retType),
                allowOOB: try container.decodeIfPresent(Bool.self, forKey: .allowOOB))
        case "event":
            details = .event(argType: try container.decode(String.self, forKey: .argType))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .metaType, in: container, debugDescription: "unknown meta-type \(metaType)")
        }
    }
}
