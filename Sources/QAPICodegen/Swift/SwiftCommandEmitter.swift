import QAPISchema

/// Emits one namespace per command, a command descriptor of the runtime
/// (wire name, flags, features, schema, `Arguments`, `Result`), and the
/// command's requirement in the handler protocol.
///
/// Every requirement takes the arguments as one value, so that a new
/// optional argument breaks no conformer. In-band requirements are
/// `async throws`; `allow-oob` ones run at once on the I/O side and are
/// synchronous. `gen: false` commands get a namespace but no requirement.
struct SwiftCommandEmitter {
    let context: SwiftGenerationContext

    /// The namespace of `command`, as an extension of the commands namespace.
    func emitNamespace(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter)
    {
        let access = context.access
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
        let descriptor = context.runtime(command.allowOOB ? "QMPOutOfBandCommand" : "QMPInBandCommand")
        // Constants as computed properties, not `static let`: a stored one
        // costs three functions (initializer, addressor, getter) and a
        // lazy global per command, which showed in build times.
        writer.block("extension \(context.commandsName).\(namespace): \(descriptor) {") { writer in
            writer.line("/// The command's wire name.")
            writer.line(
                "\(access)static var name: \(context.std("String")) { \(SwiftGenerationContext.literal(command.name)) }"
            )
            writer.line("/// The command's flags.")
            writer.line("\(access)static var flags: \(context.runtime("QMPCommandFlags")) { \(Self.flags(command)) }")
            if let features = context.featureExpression(command.features) {
                writer.line("/// The command's special features, for the compat policy.")
                writer.line("\(access)static var features: \(context.runtime("QAPIFeatures")) { \(features) }")
            }
            writer.line("/// The schema the command belongs to.")
            writer.line(
                "\(access)static var schema: \(context.runtime("QMPSchemaIntrospection"))? { \(context.introspectionName).schema }"
            )
            writer.line()
            emitArguments(command, into: &writer, support: &support)
            writer.line()
            emitResult(command, into: &writer)
        }
    }

    private func emitArguments(
        _ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter
    ) {
        if let argType = command.argType, !argType.isImplicit {
            writer.line("/// The arguments: a `\(argType.name)`.")
            writer.line("\(context.access)typealias Arguments = \(context.swiftType(argType))")
        } else if let argType = command.argType {
            writer.line("/// The arguments.")
            SwiftObjectEmitter(context: context).emitBody(
                of: argType, named: "Arguments",
                qualifiedName: "\(context.commandsName).\(Self.namespaceName(command)).Arguments",
                doc: command.doc, into: &writer, support: &support)
        } else {
            writer.line("/// The arguments: none.")
            writer.line("\(context.access)typealias Arguments = \(context.runtime("QAPIEmpty"))")
        }
    }

    private func emitResult(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        if let retType = command.retType {
            writer.line("/// The return value.")
            writer.line("\(context.access)typealias Result = \(context.swiftType(retType))")
        } else {
            writer.line("/// The return value: an empty object.")
            writer.line("\(context.access)typealias Result = \(context.runtime("QAPIEmpty"))")
        }
    }

    /// The requirement of `command` in the handler protocol.
    func emitRequirement(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        writer.docComment(
            SwiftDocComments.definition(
                command, what: "command", context: context, parameters: argumentsDoc(command)))
        let effects = command.allowOOB ? "throws" : "async throws"
        let result = command.retType.map { " -> " + context.swiftType($0) } ?? ""
        writer.signature(
            "func \(Self.methodName(command))(", ["_ arguments: \(argumentsType(command))"], ") \(effects)\(result)")
    }

    /// The registration of `command`, run by `handler`, inside
    /// `register(_:into:)`: on one line when it fits.
    func emitRegistration(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        let call = (command.allowOOB ? "try " : "try await ") + "handler.\(Self.methodName(command))"
        let empty = "return \(context.runtime("QAPIEmpty"))()"
        let opening = "registry.register(\(Self.namespaceName(command)).self) {"
        let oneLine = opening + " " + (command.retType == nil ? "\(call)($0); \(empty)" : "\(call)($0)") + " }"
        if writer.indentWidth + oneLine.count <= SwiftCodeWriter.lineLimit {
            writer.line(oneLine)
            return
        }
        writer.line(opening + " arguments in")
        writer.indented { writer in
            writer.line("\(call)(arguments)")
            if command.retType == nil { writer.line(empty) }
        }
        writer.line("}")
    }

    /// The Swift type of `command`'s arguments, through its namespace (so
    /// that a handler keeps compiling when the schema gives a command
    /// without arguments its first argument).
    func argumentsType(_ command: QAPISchemaCommand) -> String {
        "\(context.commandsName).\(Self.namespaceName(command)).Arguments"
    }

    /// `- Parameter arguments:` with the arguments' members as a list.
    private func argumentsDoc(_ command: QAPISchemaCommand) -> [String] {
        guard let argType = command.argType else {
            return ["- Parameter arguments: None; the command takes no arguments."]
        }
        let owner = argType.isImplicit ? command.doc : argType.doc
        let members = context.members(of: argType)
        if members.isEmpty { return ["- Parameter arguments: None; the command takes no arguments."] }
        return ["- Parameter arguments: The arguments:"]
            + members.map { member in
                let text =
                    SwiftDocComments.memberSummary(member, doc: owner, context: context)
                    ?? "The `\(member.name)` member."
                return "  - `\(SwiftNaming.bare(SwiftObjectEmitter.propertyName(member.name)))`: \(text)"
            }
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

    /// The namespace name of `command` (`query-version` is `QueryVersion`).
    static func namespaceName(_ command: QAPISchemaCommand) -> String {
        SwiftNaming.upperCamel(command.name)
    }

    /// The handler method of `command` (`query-version` is `queryVersion`).
    static func methodName(_ command: QAPISchemaCommand) -> String {
        SwiftNaming.escaped(SwiftNaming.lowerCamel(command.name))
    }
}
