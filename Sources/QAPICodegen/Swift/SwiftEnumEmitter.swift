import QAPISchema

/// Emits a QAPI enum as a Swift enum whose raw values are the wire names.
///
/// The enum's `prefix` only shapes C constant names in QEMU; Swift cases
/// are named after the values themselves.
struct SwiftEnumEmitter {
    let context: SwiftGenerationContext

    func emit(_ type: QAPISchemaEnumType, into writer: inout SwiftCodeWriter) {
        let name = SwiftNaming.typeName(type.name)
        let access = context.access
        let values = type.members.filter { context.isIncluded($0.ifcond) }
        writer.docComment(SwiftDocComments.definition(type, what: "enum", context: context))
        if values.isEmpty {
            emitEmpty(name, into: &writer)
            return
        }
        let conformances = [context.std("String"), context.runtime("QAPIEnum"), context.hashable, context.std("CaseIterable")]
        writer.block("\(access)enum \(name): \(conformances.joined(separator: ", ")) {") { writer in
            for value in values {
                writer.docComment(SwiftDocComments.value(value, doc: type.doc, context: context))
                writer.line("case \(Self.caseName(value.name)) = \(SwiftGenerationContext.literal(value.name))")
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
                        if special.count < values.count { writer.line("default: return []") }
                    }
                }
            }
        }
    }

    /// An enum whose every value is compiled out: no cases, so no raw type.
    private func emitEmpty(_ name: String, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let conformances = [context.runtime("QAPIEnum"), context.hashable, context.std("CaseIterable")]
        writer.block("\(access)enum \(name): \(conformances.joined(separator: ", ")) {") { writer in
            writer.line("/// No value exists in this build.")
            writer.line("\(access)init?(rawValue: \(context.std("String"))) { nil }")
            writer.line()
            writer.line("/// Never called: there is no value.")
            writer.line("\(access)var rawValue: \(context.std("String")) { switch self {} }")
        }
    }

    /// The Swift case name of enum value `name`; names a Swift enum
    /// already uses for its own members get a trailing `_`.
    static func caseName(_ name: String) -> String {
        SwiftNaming.memberName(name, reserved: enumMemberNames)
    }

    /// Members every generated enum has; a value with one of these names
    /// would collide with it.
    static let enumMemberNames: Set<String> = [
        "rawValue", "hashValue", "allCases", "qapiFeatures", "qapiEncoded", "hash",
    ]
}
