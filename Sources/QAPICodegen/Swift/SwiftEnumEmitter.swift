import QAPISchema

/// Emits a QAPI enum as a Swift enum with one case per value and an
/// `unknown(String)` case for values this build does not know (a newer
/// peer's); `rawValue` is the wire name.
///
/// `unknown` is `indirect`: its string lives on the heap, so the enum is
/// one word instead of a string's two, and the compiler's copy and
/// destroy code for it (a large share of a debug build) is simpler. Only
/// an unknown value, which only a tolerant decoder makes, allocates.
///
/// The enum's `prefix` only shapes C constant names in QEMU; Swift cases
/// are named after the values themselves.
struct SwiftEnumEmitter {
    let context: SwiftGenerationContext

    func emit(_ type: QAPISchemaEnumType, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter) {
        let name = SwiftNaming.typeName(type.name)
        let access = context.access
        let string = context.std("String")
        let values = type.members.filter { context.isIncluded($0.ifcond) }
        writer.docComment(SwiftDocComments.definition(type, what: "enum", context: context))
        writer.block("\(access)enum \(name): \(context.runtime("QAPIEnum")) {") { writer in
            for value in values {
                writer.docComment(SwiftDocComments.value(value, doc: type.doc, context: context))
                writer.line("case \(Self.caseName(value.name))")
            }
            writer.line("/// A value this build does not know, as a newer peer sent it.")
            writer.line("indirect case unknown(\(string))")
            writer.line()
            writer.line("/// Every value of the schema (not `unknown`).")
            writer.signature(
                "\(access)static let allCases: [\(name)] = [", values.map { "." + Self.caseName($0.name) }, "]")
            writer.line()
            writer.line("/// The wire name.")
            writer.block("\(access)var rawValue: \(string) {") { writer in
                writer.switchBlock("switch self {") { writer in
                    for value in values {
                        writer.line("case .\(Self.caseName(value.name)): \(SwiftGenerationContext.literal(value.name))")
                    }
                    writer.line("case .unknown(let name): name")
                }
            }
            let special = values.compactMap { value in
                context.featureExpression(value.features).map { (value, $0) }
            }
            if !special.isEmpty {
                writer.line()
                writer.line("/// The compat-policy features of this value.")
                writer.block("\(access)var qapiFeatures: \(context.runtime("QAPIFeatures")) {") { writer in
                    writer.switchBlock("switch self {") { writer in
                        for (value, features) in special {
                            writer.line("case .\(Self.caseName(value.name)): return \(features)")
                        }
                        writer.line("default: return []")
                    }
                }
            }
        }
        support.line()
        support.block("extension \(name) {") { support in
            support.line("/// The value whose wire name is `name`; nil for a name this build does not know.")
            support.block("\(context.codecAccess)init?(knownName name: \(string)) {") { writer in
                if values.isEmpty {
                    writer.line("return nil")
                    return
                }
                writer.switchBlock("switch name {") { writer in
                    for value in values {
                        writer.line(
                            "case \(SwiftGenerationContext.literal(value.name)): self = .\(Self.caseName(value.name))")
                    }
                    writer.line("default: return nil")
                }
            }
        }
    }

    /// The Swift case name of enum value `name`; names a Swift enum
    /// already uses for its own members get a trailing `_`.
    static func caseName(_ name: String) -> String {
        SwiftNaming.memberName(name, reserved: enumMemberNames)
    }

    /// Members every generated enum (a QAPI enum, a union's `Branch`) has;
    /// a value with one of these names would collide with it.
    static let enumMemberNames: Set<String> = [
        "rawValue", "hashValue", "allCases", "qapiFeatures", "qapiEncoded", "hash", "unknown", "isKnown",
        "qapiTag", "encodeMembers",
    ]
}
