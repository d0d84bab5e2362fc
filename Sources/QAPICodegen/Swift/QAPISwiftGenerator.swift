import QAPISchema

/// One generated source file.
public struct GeneratedFile: Sendable, Hashable {
    /// The file name, without a directory.
    public let name: String
    /// The Swift source.
    public let contents: String
}

/// Generates the Swift for a schema into the same 21 files whatever the
/// schema (`QAPIOutputPlan`), so that a build plugin can name them without
/// reading the schema: the types, the command namespaces, the event types
/// and event set, the per-schema declarations (namespaces, handler
/// protocol, registration), the introspection data, and the typed client
/// (empty unless asked for). Inside each file, definitions keep schema
/// order, module by module.
public enum QAPISwiftGenerator {
    /// The files for `schema`, in `QAPIOutputPlan.files` order, or the
    /// first naming clash.
    public static func generate(
        _ schema: QAPICheckedSchema, options: SwiftGeneratorOptions
    ) throws(QAPIError) -> [GeneratedFile] {
        try options.subset?.validate(against: schema)
        let reached = options.subset?.reachedTypes(in: schema) ?? []
        let isSelected = { (definition: QAPISchemaDefinition) in
            options.subset?.contains(definition, reached: reached) ?? true
        }
        let probe = SwiftGenerationContext(schema: schema, options: options, declaredTypeNames: [])
        let modules = schema.modules.filter(\.isUser)
        let typesByModule = modules.map { generatedTypes(in: $0, context: probe).filter(isSelected) }
        let types = typesByModule.flatMap { $0 }
        let commands = modules.flatMap { $0.entities.compactMap { $0 as? QAPISchemaCommand } }
            .filter { probe.isIncluded($0.ifcond) && isSelected($0) }
        let events = modules.flatMap { $0.entities.compactMap { $0 as? QAPISchemaEvent } }
            .filter { probe.isIncluded($0.ifcond) && isSelected($0) }
        // Event types are declared inside the events namespace, where they
        // hide standard names (an event `STRING` is `Events.String`), so
        // they count as declared names too.
        let declared = types.map { SwiftNaming.typeName($0.name) } + events.map(SwiftEventEmitter.typeName)
        var context = SwiftGenerationContext(schema: schema, options: options, declaredTypeNames: Set(declared))
        context.recursion = SwiftRecursion(types: types, context: context)

        let source = "the schema `\(schema.fileName.split(separator: "/").last.map(String.init) ?? "")`"
        // The type files and the others (with the name clash check, whose
        // error wins over any output) depend on nothing but the checked
        // schema and the context, which nothing changes from here on, so
        // they are written at the same time on two threads.
        let (typeWriters, otherWriters) = SwiftParallelJobs.run(
            {
                let typeChunks = zip(modules, typesByModule).flatMap { module, moduleTypes in
                    chunks(of: moduleTypes, in: module, context: context)
                }
                return SwiftTypeShards.distribute(typeChunks, count: QAPIOutputPlan.types.count) {
                    header(for: source)
                }
            },
            {
                Result { () throws(QAPIError) in
                    try SwiftNameClashCheck(context: context).check(types: types, commands: commands, events: events)
                    return otherFiles(
                        modules: modules, commands: commands, events: events, source: source, context: context,
                        selected: isSelected)
                }
            })
        let writers = typeWriters + (try otherWriters.get())
        return zip(QAPIOutputPlan.files, writers).map { GeneratedFile(name: $0, contents: $1.text) }
    }

    /// The command, event, schema, introspection and client files, in
    /// `QAPIOutputPlan.files` order.
    private static func otherFiles(
        modules: [QAPISchemaModule], commands: [QAPISchemaCommand], events: [QAPISchemaEvent], source: String,
        context: SwiftGenerationContext, selected: (QAPISchemaDefinition) -> Bool
    ) -> [SwiftCodeWriter] {
        var commandsWriter = header(for: source)
        var eventsWriter = header(for: source)
        var support = Support()
        for module in modules {
            emitModule(
                module, context: context, selected: selected,
                commands: &commandsWriter, events: &eventsWriter, support: &support)
        }
        eventsWriter.line()
        SwiftEventEmitter(context: context).emitEventSet(events, into: &eventsWriter)
        support.commands.append(to: &commandsWriter)
        support.events.append(to: &eventsWriter)
        var schemaWriter = header(for: source)
        SwiftSchemaEmitter(context: context).emit(commands: commands, into: &schemaWriter)
        var introspectionWriter = header(for: source)
        SwiftIntrospectionEmitter(context: context).emit(into: &introspectionWriter)
        let options = context.options
        var clientWriter = header(for: source, imports: options.client ? ["QAPIRuntime", "QMPClient"] : [])
        if options.client {
            SwiftClientEmitter(context: context).emit(commands: commands, events: events, into: &clientWriter)
        } else {
            clientWriter.line("// No client was asked for (qapi-gen --client, or \"client\": true in qapi-gen.json).")
        }
        return [commandsWriter, eventsWriter, schemaWriter, introspectionWriter, clientWriter]
    }

    private static func generatedTypes(in module: QAPISchemaModule, context: SwiftGenerationContext) -> [QAPISchemaType]
    {
        module.entities.compactMap { entity -> QAPISchemaType? in
            guard let type = entity as? QAPISchemaType, !type.isImplicit, context.isIncluded(type.ifcond) else {
                return nil
            }
            return type is QAPISchemaArrayType || type is QAPISchemaBuiltinType ? nil : type
        }
    }

    /// The codec of each file, which goes after every data type, in a
    /// section of its own, as swift-protobuf puts its "support for the
    /// runtime" below the messages.
    private struct Support {
        var commands = SwiftCodeWriter()
        var events = SwiftCodeWriter()
    }

    /// Each of `moduleTypes` as a declaration and its codec.
    private static func chunks(
        of moduleTypes: [QAPISchemaType], in module: QAPISchemaModule, context: SwiftGenerationContext
    ) -> [SwiftTypeShards.Chunk] {
        let enums = SwiftEnumEmitter(context: context)
        let objects = SwiftObjectEmitter(context: context)
        let alternates = SwiftAlternateEmitter(context: context)
        return moduleTypes.map { type in
            var declaration = SwiftCodeWriter()
            var support = SwiftCodeWriter()
            if let enumType = type as? QAPISchemaEnumType {
                enums.emit(enumType, into: &declaration, support: &support)
            } else if let object = type as? QAPISchemaObjectType {
                objects.emit(object, into: &declaration, support: &support)
            } else if let alternate = type as? QAPISchemaAlternateType {
                alternates.emit(alternate, into: &declaration, support: &support)
            }
            return SwiftTypeShards.Chunk(module: module.name, declaration: declaration.text, support: support.text)
        }
    }

    /// Emits the command namespaces and event types of `module`, under a
    /// mark naming the module when it has any.
    private static func emitModule(
        _ module: QAPISchemaModule, context: SwiftGenerationContext, selected: (QAPISchemaDefinition) -> Bool,
        commands: inout SwiftCodeWriter, events: inout SwiftCodeWriter, support: inout Support
    ) {
        let mark = "// MARK: - \(module.name)"
        let commandEmitter = SwiftCommandEmitter(context: context)
        let eventEmitter = SwiftEventEmitter(context: context)
        var markedCommands = false, markedEvents = false
        for entity in module.entities {
            if let command = entity as? QAPISchemaCommand, context.isIncluded(command.ifcond), selected(command) {
                if !markedCommands { commands.line(); commands.line(mark); markedCommands = true }
                commands.line()
                commandEmitter.emitNamespace(command, into: &commands, support: &support.commands)
            } else if let event = entity as? QAPISchemaEvent, context.isIncluded(event.ifcond), selected(event) {
                if !markedEvents { events.line(); events.line(mark); markedEvents = true }
                events.line()
                eventEmitter.emit(event, into: &events, support: &support.events)
            }
        }
    }

    /// The opening of every generated file: what it is, that formatters
    /// and linters leave it alone, and its imports.
    private static func header(for source: String, imports: [String] = ["QAPIRuntime"]) -> SwiftCodeWriter {
        var writer = SwiftCodeWriter()
        writer.line("// Generated by qapi-gen from \(source). Do not edit.")
        writer.line("// swift-format-ignore-file")
        writer.line("// swiftlint:disable all")
        if !imports.isEmpty { writer.line() }
        for module in imports { writer.line("import \(module)") }
        return writer
    }
}
