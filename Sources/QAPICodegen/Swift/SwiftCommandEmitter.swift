import QAPISchema

/// Emits one namespace per command (wire name, flags, `Arguments`,
/// `Result`, and the `QMPCommand` that runs it on a handler) and the
/// command's requirement in the handler protocol.
///
/// `coroutine: true` makes the requirement `async`; `allow-oob: true`
/// makes the command run at once on the I/O side, so its requirement is
/// synchronous. `gen: false` commands get a namespace but no requirement:
/// their `QMPCommand` is written by hand.
struct SwiftCommandEmitter {
    let context: SwiftGenerationContext

    /// The namespace of `command`, as an extension of the commands namespace.
    func emitNamespace(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let objects = SwiftObjectEmitter(context: context)
        let namespace = Self.namespaceName(command)
        writer.block("extension \(context.commandsName) {") { writer in
            writer.docComment(SwiftDocComments.definition(command, what: "command", context: context))
            writer.line("\(access)enum \(namespace) {}")
        }
        writer.line()
        // The members live in an extension at file scope: there, a schema
        // type that has the namespace's name (the command
        // `migrate-set-parameters` takes a `MigrateSetParameters`) or a
        // sibling namespace's name is still the schema type.
        writer.block("extension \(context.commandsName).\(namespace) {") { writer in
            writer.line("/// The command's wire name.")
            writer.line("\(access)static let name: \(context.std("String")) = \(SwiftGenerationContext.literal(command.name))")
            writer.line("/// The command's flags.")
            writer.line("\(access)static let flags: \(context.runtime("QMPCommandFlags")) = \(Self.flags(command))")
            writer.line("/// The command's special features, for the compat policy.")
            writer.line("\(access)static let features: \(context.runtime("QAPIFeatures")) = \(context.featureExpression(command.features) ?? "[]")")
            writer.line()
            emitArguments(command, objects: objects, into: &writer)
            writer.line()
            emitResult(command, into: &writer)
            if command.gen {
                writer.line()
                emitCommandFactory(command, into: &writer)
            }
        }
    }

    private func emitArguments(_ command: QAPISchemaCommand, objects: SwiftObjectEmitter, into writer: inout SwiftCodeWriter) {
        if let argType = command.argType, !argType.isImplicit {
            writer.line("/// The arguments: a `\(argType.name)`.")
            writer.line("\(context.access)typealias Arguments = \(context.swiftType(argType))")
        } else if let argType = command.argType {
            writer.line("/// The arguments.")
            objects.emitBody(of: argType, named: "Arguments", doc: command.doc, into: &writer)
        } else {
            writer.line("/// The arguments: none.")
            emitEmptyObject(named: "Arguments", into: &writer)
        }
    }

    private func emitResult(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        if let retType = command.retType {
            writer.line("/// The return value.")
            writer.line("\(context.access)typealias Result = \(context.swiftType(retType))")
        } else {
            writer.line("/// The return value: an empty object.")
            emitEmptyObject(named: "Result", into: &writer)
        }
    }

    /// A struct for an object that has no members (`{}`).
    func emitEmptyObject(named name: String, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let conformances = [context.runtime("QAPIObjectCodable"), context.hashable].joined(separator: ", ")
        writer.block("\(access)struct \(name): \(conformances) {") { writer in
            writer.line("/// The empty value.")
            writer.line("\(access)init() {}")
            writer.line()
            writer.line("/// Reads no members; any key is unexpected.")
            writer.line("\(access)init(qapiMembers members: inout \(context.runtime("QAPIObjectDecoder"))) throws(\(context.runtime("QAPIDecodingError"))) {}")
            writer.line()
            writer.line("/// Writes no members.")
            writer.line("\(access)func encodeMembers(to encoder: inout \(context.runtime("QAPIObjectEncoder"))) {}")
        }
    }

    private func emitCommandFactory(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let error = context.runtime("QMPError")
        let json = context.runtime("JSONValue")
        let oob = command.allowOOB
        let effects = oob ? "throws(\(error))" : "async throws(\(error))"
        let parameters = handlerParameters(command)
        let call = (Self.isAsync(command) ? "try await " : "try ") + "handler." + handlerCall(command, parameters)
        writer.line("/// The command, run by `handler`.")
        writer.block("\(access)static func command(_ handler: some \(context.handlerName)) -> \(context.runtime("QMPCommand")) {") { writer in
            let opening = "\(context.runtime("QMPCommand"))(name: name, flags: flags, features: features, body: .\(oob ? "outOfBand" : "inBand") {"
            writer.block(opening, closing: "})") { writer in
                writer.line("(object: \(context.runtime("JSONObject")), policy: \(context.runtime("QAPICompatPolicy"))) \(effects) -> \(json) in")
                if !parameters.isEmpty {
                    writer.line("let decoded = try \(context.runtime("QAPIDecoder")).decode(Arguments.self, from: .object(object), policy: policy)")
                } else {
                    writer.line("_ = try \(context.runtime("QAPIDecoder")).decode(Arguments.self, from: .object(object), policy: policy)")
                }
                if command.retType != nil {
                    writer.line("return \(call).qapiEncoded()")
                } else {
                    writer.line(call)
                    writer.line("return .object(\(context.runtime("JSONObject"))())")
                }
            }
        }
    }

    /// The requirement of `command` in the handler protocol.
    func emitRequirement(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        let parameters = handlerParameters(command)
        let memberDocs = parameters.map { parameter -> String in
            guard let member = parameter.member else { return "- Parameter arguments: The command's arguments." }
            let owner = command.argType.flatMap { $0.isImplicit ? nil : $0.doc } ?? command.doc
            let text = SwiftDocComments.memberSummary(member.name, doc: owner) ?? "The `\(member.name)` argument."
            return "- Parameter \(SwiftNaming.bare(parameter.label)): \(text)"
        }
        writer.docComment(SwiftDocComments.definition(command, what: "command", context: context, parameters: memberDocs))
        let declared = parameters.map { $0.member == nil ? "_ \($0.label): \($0.type)" : "\($0.label): \($0.type)" }
        let effects = Self.isAsync(command) ? "async throws" : "throws"
        let result = command.retType.map { " -> " + context.swiftType($0) } ?? ""
        let error = context.runtime("QMPError")
        writer.line("func \(Self.methodName(command))(\(declared.joined(separator: ", "))) \(effects)(\(error))\(result)")
    }

    /// A parameter of a handler requirement: a member, or the boxed arguments.
    struct Parameter {
        let label: String
        let type: String
        let member: QAPISchemaObjectTypeMember?
    }

    private func handlerParameters(_ command: QAPISchemaCommand) -> [Parameter] {
        guard let argType = command.argType else { return [] }
        if command.boxed {
            return [Parameter(label: "arguments", type: "\(context.commandsName).\(Self.namespaceName(command)).Arguments", member: nil)]
        }
        return SwiftObjectEmitter(context: context).properties(of: argType).map {
            Parameter(label: $0.name, type: $0.type, member: $0.member)
        }
    }

    /// Whether the handler requirement is `async`: `coroutine: true`,
    /// unless the command runs out of band, which must be synchronous.
    private static func isAsync(_ command: QAPISchemaCommand) -> Bool {
        command.coroutine && !command.allowOOB
    }

    private func handlerCall(_ command: QAPISchemaCommand, _ parameters: [Parameter]) -> String {
        let arguments = parameters.map { parameter in
            parameter.member == nil ? "decoded" : "\(Self.argumentLabel(parameter.label)): decoded.\(parameter.label)"
        }
        return "\(Self.methodName(command))(\(arguments.joined(separator: ", ")))"
    }

    /// The `QMPCommandFlags` literal of `command`.
    static func flags(_ command: QAPISchemaCommand) -> String {
        var flags: [String] = []
        if command.allowOOB { flags.append(".allowOOB") }
        if command.allowPreconfig { flags.append(".allowPreconfig") }
        if command.coroutine { flags.append(".coroutine") }
        if !command.successResponse { flags.append(".noSuccessResponse") }
        return "[" + flags.joined(separator: ", ") + "]"
    }

    /// `name` as an argument label at a call site, where only `inout`
    /// needs backticks (Swift warns about backticks on `var` and `let`
    /// there: "keyword does not need to be escaped in argument list").
    static func argumentLabel(_ name: String) -> String {
        let bare = SwiftNaming.bare(name)
        return bare == "inout" ? name : bare
    }

    /// The namespace name of `command` (`query-version` is `QueryVersion`).
    static func namespaceName(_ command: QAPISchemaCommand) -> String {
        SwiftNaming.upperCamel(command.name)
    }

    /// The handler method of `command` (`query-version` is `queryVersion`).
    static func methodName(_ command: QAPISchemaCommand) -> String {
        SwiftNaming.escaped(SwiftNaming.lowerCamel(command.name))
    }
}
