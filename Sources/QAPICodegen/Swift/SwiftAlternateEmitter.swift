import QAPISchema

/// Emits a QAPI alternate as a Swift enum with one case per branch,
/// decoded by the JSON value's kind as QEMU's input visitor does.
struct SwiftAlternateEmitter {
    let context: SwiftGenerationContext

    func emit(_ type: QAPISchemaAlternateType, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter) {
        let name = SwiftNaming.typeName(type.name)
        let branches = type.alternatives.variants.filter { context.isIncluded($0.ifcond) }
        let access = context.access
        writer.docComment(SwiftDocComments.definition(type, what: "alternate", context: context))
        let conformances = [context.runtime("QAPICodable"), context.wireHashable].joined(separator: ", ")
        let indirect = branches.contains { context.recursion.isCyclic(type, $0.type) } ? "indirect " : ""
        writer.block("\(access)\(indirect)enum \(name): \(conformances) {") { writer in
            for branch in branches {
                writer.docComment(SwiftDocComments.member(branch, doc: type.doc, context: context))
                writer.line("case \(SwiftEnumEmitter.caseName(branch.name))(\(context.swiftType(branch.type)))")
            }
        }
        support.line()
        support.block("extension \(name) {") { writer in
            writer.line("/// Chooses the branch by the value's JSON kind.")
            let decoder = context.runtime("QAPIDecoder")
            let error = context.runtime("QAPIDecodingError")
            writer.block("\(context.codecAccess)init(qapi decoder: \(decoder)) throws(\(error)) {") { writer in
                writer.switchBlock("switch decoder.kind {") { writer in
                    for branch in branches {
                        guard let kind = branch.type.alternateQType.flatMap(Self.kindName) else { continue }
                        writer.line(
                            "case .\(kind): self = .\(SwiftEnumEmitter.caseName(branch.name))(try decoder.decode())")
                    }
                    if branches.count < 6 {
                        writer.line(
                            "default: throw decoder.noAlternateBranch(\(SwiftGenerationContext.literal(type.name)))")
                    }
                }
            }
            writer.line()
            writer.line("/// The branch's value.")
            writer.block("\(context.codecAccess)func qapiEncoded() -> \(context.runtime("JSONValue")) {") { writer in
                writer.switchBlock("switch self {") { writer in
                    for branch in branches {
                        writer.line(
                            "case .\(SwiftEnumEmitter.caseName(branch.name))(let value): return value.qapiEncoded()")
                    }
                }
            }
        }
    }

    /// The `JSONValue.Kind` case for a QType.
    static func kindName(_ qtype: QAPIQType) -> String? {
        switch qtype {
        case .qnull: return "null"
        case .qnum: return "number"
        case .qstring: return "string"
        case .qdict: return "object"
        case .qlist: return "array"
        case .qbool: return "boolean"
        case .none: return nil
        }
    }
}
