import QAPISchema

/// Emits the per-schema declarations: the commands and events namespaces,
/// the handler protocol with one requirement per generated command, and
/// the registration entry point.
struct SwiftSchemaEmitter {
    let context: SwiftGenerationContext

    /// Emits the declarations for `commands`; `served` is the
    /// `query-qmp-schema` command the generated introspection answers, if any.
    func emit(commands: [QAPISchemaCommand], served introspected: QAPISchemaCommand?, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let commandEmitter = SwiftCommandEmitter(context: context)
        let generated = commands.filter(\.gen)

        writer.line()
        writer.line("/// The schema's commands: one namespace each, with the wire name, flags,")
        writer.line("/// arguments and result type.")
        writer.line("\(access)enum \(context.commandsName) {}")
        writer.line()
        writer.line("/// The schema's events: one type each, with the wire name and payload.")
        writer.line("\(access)enum \(context.eventsName) {}")
        writer.line()
        writer.line("/// What a server of this schema implements: one method per command")
        writer.line("/// (`gen: false` commands excepted). In-band commands run one at a time")
        writer.line("/// on the dispatcher; `allow-oob` commands run at once on the I/O side.")
        writer.block("\(access)protocol \(context.handlerName): \(context.std("Sendable")) {") { writer in
            for (index, command) in generated.enumerated() {
                if index > 0 { writer.line() }
                commandEmitter.emitRequirement(command, into: &writer)
            }
        }
        writer.line()
        writer.block("extension \(context.commandsName) {") { writer in
            writer.line("/// Registers every generated command of the schema, run by `handler`.")
            if introspected != nil {
                writer.line("/// `query-qmp-schema` is registered too, answered from `\(context.introspectionName)`.")
            }
            let registry = context.runtime("QMPCommandRegistry")
            writer.block("\(access)static func register(_ handler: some \(context.handlerName), into registry: inout \(registry)) {") { writer in
                for command in generated {
                    writer.line("registry.register(\(SwiftCommandEmitter.namespaceName(command)).command(handler))")
                }
                if introspected != nil {
                    writer.line("registry.register(\(context.introspectionName).command)")
                }
            }
        }
    }
}
