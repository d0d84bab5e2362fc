import QAPISchema

/// Emits QAPI structs and unions as Swift structs that read and write
/// their members with the runtime's object visitors.
///
/// Base members come first, flattened in (Swift structs have no
/// inheritance). A union keeps its branch in `branch`, an enum with one
/// case per discriminator value; the discriminator itself is a computed
/// property derived from the branch, so the two cannot disagree.
struct SwiftObjectEmitter {
    let context: SwiftGenerationContext

    /// A stored member: its QAPI member and its Swift declaration parts.
    struct Property {
        let member: QAPISchemaObjectTypeMember
        let name: String
        let type: String
        /// Whether the member closes a cycle and is stored on the heap.
        let isIndirect: Bool
    }

    func emit(_ type: QAPISchemaObjectType, into writer: inout SwiftCodeWriter) {
        let name = SwiftNaming.typeName(type.name)
        writer.docComment(SwiftDocComments.definition(type, what: type.isUnion ? "union" : "struct", context: context))
        emitBody(of: type, named: name, doc: type.doc, into: &writer)
    }

    /// The declaration of `type` under `name`; commands and events use it
    /// for their implicit argument types.
    func emitBody(
        of type: QAPISchemaObjectType, named name: String, doc: QAPIDoc?, into writer: inout SwiftCodeWriter,
        extraConformances: [String] = [], extra: (inout SwiftCodeWriter) -> Void = { _ in }
    ) {
        let conformances = (extraConformances + [context.runtime("QAPIObjectCodable"), context.hashable])
            .joined(separator: ", ")
        writer.block("\(context.access)struct \(name): \(conformances) {") { writer in
            extra(&writer)
            if let branches = type.branches {
                emitUnionBody(type, branches: branches, doc: doc, into: &writer)
            } else {
                emitStructBody(type, doc: doc, into: &writer)
            }
        }
    }

    func properties(of type: QAPISchemaObjectType) -> [Property] {
        context.members(of: type).map { member in
            let base = context.swiftType(member.type)
            return Property(
                member: member, name: Self.propertyName(member.name), type: member.optional ? base + "?" : base,
                isIndirect: context.recursion.isCyclic(type, member.type))
        }
    }

    private func emitStructBody(_ type: QAPISchemaObjectType, doc: QAPIDoc?, into writer: inout SwiftCodeWriter) {
        let properties = properties(of: type)
        emitStoredProperties(properties, doc: doc, into: &writer)
        emitMemberwiseInit(properties, extra: [], into: &writer)
        writer.line()
        emitDecoderInit(into: &writer) { writer in
            for property in properties { writer.line(readStatement(property)) }
        }
        writer.line()
        emitEncoder(into: &writer) { writer in
            for property in properties { writer.line("encoder.encode(self.\(property.name), \(literal(property.member.name)))") }
        }
    }

    private func emitUnionBody(
        _ type: QAPISchemaObjectType, branches: QAPISchemaBranches, doc: QAPIDoc?, into writer: inout SwiftCodeWriter
    ) {
        let tag = branches.tagMember
        let tagType = context.swiftType(tag.type)
        let variants = branches.variants.filter { context.isIncluded($0.ifcond) }
        let tagValues = Set((tag.type as? QAPISchemaEnumType)?.members.filter { context.isIncluded($0.ifcond) }.map(\.name) ?? [])
        let cases = variants.filter { tagValues.contains($0.name) }
        let all = properties(of: type)
        let stored = all.filter { $0.member.name != tag.name }

        writer.line("/// The branch, one per value of `\(tag.name)`, with the branch's own members.")
        let indirect = cases.contains { hasPayload($0) && context.recursion.isCyclic(type, $0.type) } ? "indirect " : ""
        writer.block("\(context.access)\(indirect)enum Branch: \(context.hashable), \(context.std("Sendable")) {") { writer in
            for variant in cases {
                writer.line("/// `\(tag.name)` is `\(variant.name)`.")
                let caseName = SwiftEnumEmitter.caseName(variant.name)
                writer.line(hasPayload(variant) ? "case \(caseName)(\(context.swiftType(variant.type)))" : "case \(caseName)")
            }
            writer.line("/// `\(tag.name)` has a value this build does not know (a newer peer's); its members were skipped.")
            writer.line("case unknown(\(context.std("String")))")
        }
        writer.line()
        emitStoredProperties(stored, doc: doc, into: &writer)
        writer.line("/// The branch, which also decides `\(tag.name)`.")
        writer.line("\(context.access)var branch: Branch")
        writer.line()
        writer.docComment(SwiftDocComments.member(tag, doc: doc, context: context) + ["", "Derived from `branch`."])
        writer.block("\(context.access)var \(Self.propertyName(tag.name)): \(tagType) {") { writer in
            writer.switchBlock("switch self.branch {") { writer in
                for variant in cases {
                    let caseName = SwiftEnumEmitter.caseName(variant.name)
                    writer.line("case .\(caseName): return .\(caseName)")
                }
                writer.line("case .unknown(let name): return .unknown(name)")
            }
        }
        writer.line()
        emitMemberwiseInit(stored, extra: [("branch", "Branch")], into: &writer)
        writer.line()
        emitDecoderInit(into: &writer) { writer in
            for property in all {
                if property.member.name == tag.name {
                    writer.line("let discriminator: \(tagType) = try members.required(\(literal(tag.name))\(featureArgument(tag)))")
                } else {
                    writer.line(readStatement(property))
                }
            }
            writer.switchBlock("switch discriminator {") { writer in
                for variant in cases {
                    let caseName = SwiftEnumEmitter.caseName(variant.name)
                    if hasPayload(variant) {
                        let branchType = context.swiftType(variant.type)
                        writer.line("case .\(caseName): self.branch = .\(caseName)(try \(branchType)(qapiMembers: &members))")
                    } else {
                        writer.line("case .\(caseName): self.branch = .\(caseName)")
                    }
                }
                writer.line("case .unknown(let name):")
                writer.line("    members.reportUnknownBranch(name)")
                writer.line("    self.branch = .unknown(name)")
            }
        }
        writer.line()
        emitEncoder(into: &writer) { writer in
            for property in all {
                writer.line("encoder.encode(self.\(property.name), \(literal(property.member.name)))")
            }
            writer.switchBlock("switch self.branch {") { writer in
                for variant in cases {
                    let caseName = SwiftEnumEmitter.caseName(variant.name)
                    if hasPayload(variant) {
                        writer.line("case .\(caseName)(let value): value.encodeMembers(to: &encoder)")
                    } else {
                        writer.line("case .\(caseName): break")
                    }
                }
                writer.line("case .unknown: break")
            }
        }
    }

    /// Whether a union branch carries members (branches left out of the
    /// schema, or of the empty type, carry none).
    private func hasPayload(_ variant: QAPISchemaVariant) -> Bool {
        guard let object = variant.type as? QAPISchemaObjectType else { return true }
        return object.name != "q_empty"
    }

    private func emitStoredProperties(_ properties: [Property], doc: QAPIDoc?, into writer: inout SwiftCodeWriter) {
        for property in properties {
            writer.docComment(SwiftDocComments.member(property.member, doc: doc, context: context))
            let wrapper = property.isIndirect ? "@\(context.runtime("QAPIIndirect")) " : ""
            writer.line("\(wrapper)\(context.access)var \(property.name): \(property.type)")
            writer.line()
        }
    }

    private func emitMemberwiseInit(_ properties: [Property], extra: [(String, String)], into writer: inout SwiftCodeWriter) {
        var parameters = properties.map { "\($0.name): \($0.type)\($0.member.optional ? " = nil" : "")" }
        parameters += extra.map { "\($0.0): \($0.1)" }
        writer.line("/// A value with the given members.")
        writer.block("\(context.access)init(\(parameters.joined(separator: ", "))) {") { writer in
            for property in properties { writer.line("self.\(property.name) = \(property.name)") }
            for (name, _) in extra { writer.line("self.\(name) = \(name)") }
        }
    }

    private func emitDecoderInit(into writer: inout SwiftCodeWriter, _ body: (inout SwiftCodeWriter) -> Void) {
        let decoder = context.runtime("QAPIObjectDecoder")
        let error = context.runtime("QAPIDecodingError")
        writer.line("/// Reads the members in schema order, with QEMU's errors.")
        writer.block("\(context.access)init(qapiMembers members: inout \(decoder)) throws(\(error)) {", body)
    }

    private func emitEncoder(into writer: inout SwiftCodeWriter, _ body: (inout SwiftCodeWriter) -> Void) {
        writer.line("/// Writes the members in schema order; absent optional members are left out.")
        writer.block("\(context.access)func encodeMembers(to encoder: inout \(context.runtime("QAPIObjectEncoder"))) {", body)
    }

    private func readStatement(_ property: Property) -> String {
        let method = property.member.optional ? "optional" : "required"
        return "self.\(property.name) = try members.\(method)(\(literal(property.member.name))\(featureArgument(property.member)))"
    }

    private func featureArgument(_ member: QAPISchemaObjectTypeMember) -> String {
        context.featureExpression(member.features).map { ", features: \($0)" } ?? ""
    }

    private func literal(_ text: String) -> String { SwiftGenerationContext.literal(text) }

    /// The Swift property name of member `name`; names the generated
    /// struct already uses get a trailing `_`.
    static func propertyName(_ name: String) -> String {
        SwiftNaming.memberName(name, reserved: structMemberNames)
    }

    /// Members every generated struct has.
    static let structMemberNames: Set<String> = [
        "branch", "hashValue", "hash", "qapiEncoded", "encodeMembers", "Branch",
    ]
}
