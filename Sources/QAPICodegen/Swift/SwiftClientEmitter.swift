import QAPISchema

/// Emits the typed client: one `async throws` method per command on
/// `QMPConnection` (labelled parameters, optional ones defaulted to nil,
/// or the argument value for `boxed` commands, plus a per-call timeout),
/// the same on `QMPConnection.OutOfBand` for `allow-oob` commands only,
/// and, where the schema has QEMU's device and job commands, helpers that
/// wait for the event saying the work is done.
struct SwiftClientEmitter {
    let context: SwiftGenerationContext

    func emit(commands: [QAPISchemaCommand], events: [QAPISchemaEvent], into writer: inout SwiftCodeWriter) {
        let inBand = commands
        let outOfBand = commands.filter(\.allowOOB)
        writer.line()
        writer.block("extension QMPConnection {") { writer in
            for (index, command) in inBand.enumerated() {
                if index > 0 { writer.line() }
                emitMethod(command, into: &writer)
            }
            SwiftClientHelpers(context: context, commands: commands, events: events).emit(into: &writer)
        }
        guard !outOfBand.isEmpty else { return }
        writer.line()
        writer.block("extension QMPConnection.OutOfBand {") { writer in
            for (index, command) in outOfBand.enumerated() {
                if index > 0 { writer.line() }
                emitMethod(command, into: &writer)
            }
        }
    }

    /// A parameter of a client method: a member of the arguments.
    private struct Parameter {
        /// The declared name (backticked when a keyword).
        let name: String
        let type: String
        let isOptional: Bool
        let doc: String
    }

    private func emitMethod(_ command: QAPISchemaCommand, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let namespace = "\(context.commandsName).\(SwiftCommandEmitter.namespaceName(command))"
        let parameters = methodParameters(command)
        let timeout = timeoutLabel(parameters)
        var declared: [String]
        var docs: [String]
        let value: String
        var labels: [String] = []
        if command.boxed, command.argType != nil {
            declared = ["_ arguments: \(namespace).Arguments"]
            docs = ["  - arguments: The command's arguments."]
            value = "arguments"
        } else {
            declared = parameters.map { "\($0.name): \($0.type)\($0.isOptional ? " = nil" : "")" }
            docs = parameters.map { "  - \(SwiftNaming.bare($0.name)): \($0.doc)" }
            labels = parameters.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.name)" }
            value =
                command.argType == nil
                ? "\(context.runtime("QAPIEmpty"))()" : ".init(\(labels.joined(separator: ", ")))"
        }
        declared.append("\(timeout): \(context.std("Duration"))? = nil")
        docs.append(
            "  - \(timeout): How long to wait for the answer; nil for the connection's default. QEMU still runs a command whose call timed out."
        )
        writer.docComment(
            SwiftDocComments.definition(
                command, what: "command", context: context, parameters: ["- Parameters:"] + docs))
        let result = command.retType.map { " -> " + context.swiftType($0) } ?? ""
        let signature = "\(access)func \(SwiftCommandEmitter.methodName(command))("
        let tail = ") async throws\(result) {"
        let oneLine = signature + declared.joined(separator: ", ") + tail
        if oneLine.count + writer.indentWidth <= 120 {
            writer.line(oneLine)
        } else {
            writer.line(signature)
            for (index, parameter) in declared.enumerated() {
                writer.line("    " + parameter + (index < declared.count - 1 ? "," : ""))
            }
            writer.line(tail)
        }
        emitCall(
            prefix: command.retType == nil ? "_ = " : "", namespace: namespace, value: value, labels: labels,
            timeout: timeout, into: &writer)
        writer.line("}")
    }

    /// The method's body: `execute` on one line when it fits in 120
    /// columns, else an argument per line, and the arguments' labels one
    /// per line when even `.init(...)` alone is too long.
    private func emitCall(
        prefix: String, namespace: String, value: String, labels: [String], timeout: String,
        into writer: inout SwiftCodeWriter
    ) {
        let oneLine = "    \(prefix)try await execute(\(namespace).self, \(value), timeout: \(timeout))"
        if oneLine.count + writer.indentWidth <= 120 {
            writer.line(oneLine)
            return
        }
        writer.line("    \(prefix)try await execute(")
        writer.line("        \(namespace).self,")
        if labels.isEmpty || "        \(value),".count + writer.indentWidth <= 120 {
            writer.line("        \(value),")
        } else {
            writer.line("        .init(")
            for (index, label) in labels.enumerated() {
                writer.line("            " + label + (index < labels.count - 1 ? "," : "),"))
            }
        }
        writer.line("        timeout: \(timeout))")
    }

    /// The label of `command`'s method's timeout parameter: `timeout`,
    /// or `callTimeout` when the command has an argument named `timeout`.
    func timeoutLabel(_ command: QAPISchemaCommand) -> String {
        timeoutLabel(methodParameters(command))
    }

    private func timeoutLabel(_ parameters: [Parameter]) -> String {
        parameters.contains { SwiftNaming.bare($0.name) == "timeout" } ? "callTimeout" : "timeout"
    }

    private func methodParameters(_ command: QAPISchemaCommand) -> [Parameter] {
        guard let argType = command.argType else { return [] }
        let owner = argType.isImplicit ? command.doc : argType.doc
        return SwiftObjectEmitter(context: context).properties(of: argType).map { property in
            Parameter(
                name: property.name, type: property.type, isOptional: property.member.optional,
                doc: SwiftDocComments.memberSummary(property.member, doc: owner, context: context)
                    ?? "The `\(property.member.name)` member.")
        }
    }
}
