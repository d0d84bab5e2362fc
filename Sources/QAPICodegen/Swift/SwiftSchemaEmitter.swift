import QAPISchema

/// Emits the per-schema declarations: the commands and events namespaces,
/// the handler protocol with one requirement per generated command, the
/// registration entry point, and the check that the runtime fits the
/// generated code.
struct SwiftSchemaEmitter {
    let context: SwiftGenerationContext

    /// Emits the declarations for `commands`.
    func emit(commands: [QAPISchemaCommand], into writer: inout SwiftCodeWriter) {
        let access = context.access
        let commandEmitter = SwiftCommandEmitter(context: context)
        let generated = commands.filter(\.gen)

        writer.line()
        writer.line("/// The schema's commands: one namespace each, a command descriptor with")
        writer.line("/// the wire name, flags, arguments and result type.")
        writer.line("\(access)enum \(context.commandsName) {}")
        writer.line()
        writer.line("/// The schema's events: one type each, with the wire name and payload.")
        writer.line("\(access)enum \(context.eventsName) {}")
        writer.line()
        writer.line("/// What a server of the whole schema implements: one method per command")
        writer.line("/// (`gen: false` commands excepted), each taking the command's arguments")
        writer.line("/// as one value. In-band commands run one at a time on the dispatcher and")
        writer.line("/// may suspend; `allow-oob` commands run at once on the I/O side and are")
        writer.line("/// synchronous. An error a method throws reaches the client as it is when")
        writer.line("/// it is a `QMPError`, as a `GenericError` with its description otherwise.")
        writer.line("/// To serve some commands only, register them one by one on a")
        writer.line("/// `QMPCommandRegistry` with `register(_:_:)` instead.")
        writer.block("\(access)protocol \(context.handlerName): \(context.std("Sendable")) {") { writer in
            for (index, command) in generated.enumerated() {
                if index > 0 { writer.line() }
                commandEmitter.emitRequirement(command, into: &writer)
            }
        }
        writer.line()
        let schemaQuery = commands.first { !$0.gen && $0.name == "query-qmp-schema" }
        writer.block("extension \(context.commandsName) {") { writer in
            writer.line("/// Registers every generated command of the schema, run by `handler`.")
            if schemaQuery != nil {
                writer.line("/// `query-qmp-schema` is registered too: it describes the commands the")
                writer.line("/// registry serves.")
            }
            let registry = context.runtime("QMPCommandRegistry")
            writer.block(
                "\(access)static func register(_ handler: some \(context.handlerName), into registry: inout \(registry)) {"
            ) { writer in
                for command in generated {
                    commandEmitter.emitRegistration(command, into: &writer)
                }
                if let schemaQuery {
                    writer.line("registry.registerSchemaQuery(\(SwiftCommandEmitter.namespaceName(schemaQuery)).self)")
                }
            }
        }
        writer.line()
        writer.line("/// Fails to compile when the runtime is older or newer than this generated code.")
        writer.line(
            "private typealias \(context.namePrefix)RequiredRuntimeVersion = \(context.runtime("QAPIGeneratedCodeVersion")).\(Self.runtimeVersion)"
        )
    }

    /// The runtime version the generated code is written for: a member of
    /// `QAPIGeneratedCodeVersion` in `QAPIRuntime`.
    static let runtimeVersion = "v1"
}
