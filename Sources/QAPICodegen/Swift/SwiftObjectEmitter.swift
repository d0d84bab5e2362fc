import QAPISchema

/// Emits QAPI structs and unions as Swift structs, and their codec (the
/// members read and written with the runtime's object visitors) as an
/// extension in the file's support section.
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

    func emit(_ type: QAPISchemaObjectType, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter) {
        let name = SwiftNaming.typeName(type.name)
        writer.docComment(SwiftDocComments.definition(type, what: type.isUnion ? "union" : "struct", context: context))
        emitBody(of: type, named: name, qualifiedName: name, doc: type.doc, into: &writer, support: &support)
    }

    /// The declaration of `type` under `name` (`qualifiedName` from file
    /// scope, for its codec extension); commands and events use it for
    /// their implicit argument types.
    func emitBody(
        of type: QAPISchemaObjectType, named name: String, qualifiedName: String, doc: QAPIDoc?,
        into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter,
        extraConformances: [String] = [], extra: (inout SwiftCodeWriter) -> Void = { _ in }
    ) {
        let conformances = (extraConformances + [context.runtime("QAPIObjectCodable"), context.wireHashable])
            .joined(separator: ", ")
        let properties = properties(of: type)
        let union = type.branches.map { self.union($0, properties: properties) }
        writer.block("\(context.access)struct \(name): \(conformances) {") { writer in
            extra(&writer)
            if let union {
                emitUnionBody(type, union, doc: doc, into: &writer)
            } else {
                emitStoredProperties(properties, doc: doc, into: &writer)
                emitMemberwiseInit(properties, branch: nil, doc: doc, into: &writer)
            }
        }
        support.line()
        support.block("extension \(qualifiedName) {") { support in
            if let union {
                emitUnionCodec(union, into: &support)
            } else {
                emitDecoderInit(into: &support) { writer in
                    guard properties.count > 1 else {
                        for property in properties {
                            writeRead(property, assigning: "self.\(property.name)", into: &writer)
                        }
                        return
                    }
                    // The reads go straight to the memberwise initializer:
                    // `self` is assigned once, after every read (no partly
                    // initialised value for the optimiser to track), and
                    // with no named locals, which a debug build copies for
                    // the debugger and type-checks one by one.
                    let arguments = properties.map { property in
                        "\(SwiftNaming.argumentLabel(property.name)): try members.\(readCall(property))"
                    }
                    writer.signature("self.init(", arguments, ")")
                }
                support.line()
                emitEncoder(into: &support) { writer in
                    for property in properties {
                        writer.line("encoder.encode(self.\(property.name), \(literal(property.member.name)))")
                    }
                }
            }
        }
        if let union {
            support.line()
            support.block("extension \(qualifiedName).Branch {") { support in
                emitBranchCodec(union, into: &support)
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

    /// The union's parts that its declaration and its codecs share.
    private struct Union {
        let tag: QAPISchemaObjectTypeMember
        let tagType: String
        let cases: [QAPISchemaVariant]
        let all: [Property]
        let stored: [Property]
    }

    /// The parts of the union with `branches`, whose members are `properties`.
    private func union(_ branches: QAPISchemaBranches, properties: [Property]) -> Union {
        let tag = branches.tagMember
        let variants = branches.variants.filter { context.isIncluded($0.ifcond) }
        let tagValues = Set(
            (tag.type as? QAPISchemaEnumType)?.members.filter { context.isIncluded($0.ifcond) }.map(\.name) ?? [])
        return Union(
            tag: tag, tagType: context.swiftType(tag.type), cases: variants.filter { tagValues.contains($0.name) },
            all: properties, stored: properties.filter { $0.member.name != tag.name })
    }

    private func emitUnionBody(
        _ type: QAPISchemaObjectType, _ union: Union, doc: QAPIDoc?, into writer: inout SwiftCodeWriter
    ) {
        writer.line("/// The branch, one per value of `\(union.tag.name)`, with the branch's own members.")
        let indirect =
            union.cases.contains { hasPayload($0) && context.recursion.isCyclic(type, $0.type) } ? "indirect " : ""
        writer.block("\(context.access)\(indirect)enum Branch: \(context.runtime("QAPIUnionBranch")) {") { writer in
            for variant in union.cases {
                writer.line("/// `\(union.tag.name)` is `\(variant.name)`.")
                let caseName = SwiftEnumEmitter.caseName(variant.name)
                writer.line(
                    hasPayload(variant) ? "case \(caseName)(\(context.swiftType(variant.type)))" : "case \(caseName)")
            }
            writer.line(
                "/// `\(union.tag.name)` has a value this build does not know (a newer peer's); its members were skipped."
            )
            writer.line("case unknown(\(context.std("String")))")
        }
        writer.line()
        emitStoredProperties(union.stored, doc: doc, into: &writer)
        writer.line("/// The branch, which also decides `\(union.tag.name)`.")
        writer.line(context.storedMember("branch", "Branch"))
        writer.line()
        writer.docComment(
            SwiftDocComments.member(union.tag, doc: doc, context: context) + ["", "Derived from `branch`."])
        let tagProperty = "\(context.access)var \(Self.propertyName(union.tag.name)): \(union.tagType) {"
        if writer.indentWidth + tagProperty.count + " self.branch.qapiTag }".count <= SwiftCodeWriter.lineLimit {
            writer.line(tagProperty + " self.branch.qapiTag }")
        } else {
            writer.block(tagProperty) { $0.line("self.branch.qapiTag") }
        }
        emitMemberwiseInit(union.stored, branch: "Branch", doc: doc, into: &writer)
    }

    private func emitUnionCodec(_ union: Union, into writer: inout SwiftCodeWriter) {
        emitDecoderInit(into: &writer) { writer in
            for property in union.all {
                if property.member.name == union.tag.name {
                    writer.line(
                        "let discriminator: \(union.tagType) = try members.required(\(literal(union.tag.name))\(featureArgument(union.tag)))"
                    )
                } else {
                    writeRead(property, assigning: "let \(localName(property)): \(property.type)", into: &writer)
                }
            }
            writer.line("let branch: Branch")
            writer.switchBlock("switch discriminator {") { writer in
                for variant in union.cases {
                    let caseName = SwiftEnumEmitter.caseName(variant.name)
                    if hasPayload(variant) {
                        let branchType = context.swiftType(variant.type)
                        writer.line("case .\(caseName):")
                        writer.line("    branch = .\(caseName)(try \(branchType)(qapiMembers: &members))")
                    } else {
                        writer.line("case .\(caseName): branch = .\(caseName)")
                    }
                }
                writer.line("case .unknown(let name):")
                writer.line("    members.reportUnknownBranch(name)")
                writer.line("    branch = .unknown(name)")
            }
            for property in union.stored { writer.line("self.\(property.name) = \(localName(property))") }
            writer.line("self.branch = branch")
        }
        writer.line()
        emitEncoder(into: &writer) { writer in
            for property in union.all {
                writer.line("encoder.encode(self.\(property.name), \(literal(property.member.name)))")
            }
            writer.line("self.branch.encodeMembers(to: &encoder)")
        }
    }

    /// The branch's discriminator value and its members' writer, from
    /// which the runtime derives the branch's `==` and hashing.
    private func emitBranchCodec(_ union: Union, into writer: inout SwiftCodeWriter) {
        writer.line("/// The value of `\(union.tag.name)` that selects this branch.")
        writer.line(SwiftGenerationContext.unoptimized)
        writer.block("\(context.codecAccess)var qapiTag: \(union.tagType) {") { writer in
            writer.switchBlock("switch self {") { writer in
                for variant in union.cases {
                    let caseName = SwiftEnumEmitter.caseName(variant.name)
                    writer.line("case .\(caseName): return .\(caseName)")
                }
                writer.line("case .unknown(let name): return .unknown(name)")
            }
        }
        writer.line()
        writer.line("/// Writes the branch's own members in schema order; absent optional members are left out.")
        writer.line(SwiftGenerationContext.unoptimized)
        writer.block(
            "\(context.codecAccess)func encodeMembers(to encoder: inout \(context.runtime("QAPIObjectEncoder"))) {"
        ) { writer in
            writer.switchBlock("switch self {") { writer in
                for variant in union.cases {
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
            writer.line(context.storedMember(property.name, property.type, wrapper: wrapper))
            writer.line()
        }
    }

    /// The memberwise initializer, documented member by member, its
    /// parameters one per line when they do not fit on one.
    private func emitMemberwiseInit(
        _ properties: [Property], branch: String?, doc: QAPIDoc?, into writer: inout SwiftCodeWriter
    ) {
        var parameters = properties.map { "\($0.name): \($0.type)\($0.member.optional ? " = nil" : "")" }
        var comment = ["A value with the given members."]
        var parameterDocs = properties.map { property in
            let text =
                SwiftDocComments.memberSummary(property.member, doc: doc, context: context)
                ?? "The `\(property.member.name)` member."
            return "  - \(SwiftNaming.bare(property.name)): \(text)"
        }
        if let branch {
            parameters.append("branch: \(branch)")
            parameterDocs.append("  - branch: The branch, with its own members.")
        }
        if !parameterDocs.isEmpty { comment += ["", "- Parameters:"] + parameterDocs }
        writer.docComment(comment)
        writer.signature("\(context.access)init(", parameters, ") {")
        writer.indented { writer in
            for property in properties { writer.line("self.\(property.name) = \(property.name)") }
            if branch != nil { writer.line("self.branch = branch") }
        }
        writer.line("}")
    }

    private func emitDecoderInit(into writer: inout SwiftCodeWriter, _ body: (inout SwiftCodeWriter) -> Void) {
        let decoder = context.runtime("QAPIObjectDecoder")
        let error = context.runtime("QAPIDecodingError")
        writer.line("/// Reads the members in schema order, with QEMU's errors.")
        writer.block("\(context.codecAccess)init(qapiMembers members: inout \(decoder)) throws(\(error)) {", body)
    }

    private func emitEncoder(into writer: inout SwiftCodeWriter, _ body: (inout SwiftCodeWriter) -> Void) {
        writer.line("/// Writes the members in schema order; absent optional members are left out.")
        writer.line(SwiftGenerationContext.unoptimized)
        writer.block(
            "\(context.codecAccess)func encodeMembers(to encoder: inout \(context.runtime("QAPIObjectEncoder"))) {",
            body)
    }

    /// Writes `target = try members.required("name")` (or `optional`),
    /// broken after `=` when the line would pass the line limit. A local's
    /// target spells out its type, for the runtime's generic readers.
    private func writeRead(_ property: Property, assigning target: String, into writer: inout SwiftCodeWriter) {
        let read = "try members.\(readCall(property))"
        if writer.indentWidth + target.count + 3 + read.count <= SwiftCodeWriter.lineLimit {
            writer.line("\(target) = \(read)")
        } else {
            writer.line("\(target) =")
            writer.indented { $0.line(read) }
        }
    }

    /// `required("name")` or `optional("name")`, with the member's features.
    private func readCall(_ property: Property) -> String {
        let method = property.member.optional ? "optional" : "required"
        return "\(method)(\(literal(property.member.name))\(featureArgument(property.member)))"
    }

    /// The name of a union decoder's local for `property`: the property's
    /// own, or with a trailing `_` where the decoder already uses it
    /// (`members`, `discriminator`, `branch`). That name is free: a
    /// property name ends in `_` only for the words of `structMemberNames`
    /// and those Swift cannot use.
    ///
    /// A union's decoder reads every member into a local and assigns
    /// `self` only once all were read: with no throw between a first and a
    /// last assignment, the compiler tracks no partly initialised value,
    /// which made decoders the largest share of an optimised build.
    private func localName(_ property: Property) -> String {
        Self.decoderNames.contains(property.name) ? property.name + "_" : property.name
    }

    /// Names a decoder declares besides its locals.
    private static let decoderNames: Set<String> = ["members", "discriminator", "branch"]

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
