import QAPISchema

/// One generated source file.
public struct GeneratedFile: Sendable, Hashable {
    /// The file name, without a directory.
    public let name: String
    /// The Swift source.
    public let contents: String
}

/// Generates the Swift for a schema: per schema module, one file each for
/// its types, commands and events; per schema, one file with the
/// namespaces, handler protocol and registration, and one with the
/// introspection data.
///
/// Module `M` (its path relative to the main schema's directory) gives
/// `PREFIX + stem(M) + ".types.swift"`, `".commands.swift"` and
/// `".events.swift"`, where `stem` drops `.json` and turns every character
/// other than ASCII letters, digits and `-` into `-`. The per-schema files
/// are `PREFIX + "_schema.swift"` and `PREFIX + "_introspection.swift"`.
/// Every module gets all three files, even when some are empty, so the
/// build plugin can name the outputs before running the generator.
public enum QAPISwiftGenerator {
    /// The files for `schema`, in a fixed order, or the first naming clash.
    public static func generate(_ schema: QAPISchema, options: SwiftGeneratorOptions) throws(QAPIError) -> [GeneratedFile] {
        let probe = SwiftGenerationContext(schema: schema, options: options, declaredTypeNames: [])
        let modules = schema.modules.filter(\.isUser)
        let typesByModule = modules.map { generatedTypes(in: $0, context: probe) }
        let types = typesByModule.flatMap { $0 }
        let commands = modules.flatMap { $0.entities.compactMap { $0 as? QAPISchemaCommand } }
            .filter { probe.isIncluded($0.ifcond) }
        let events = modules.flatMap { $0.entities.compactMap { $0 as? QAPISchemaEvent } }
            .filter { probe.isIncluded($0.ifcond) }
        // Event types are declared inside the events namespace, where they
        // hide standard names (an event `STRING` is `Events.String`), so
        // they count as declared names too.
        let declared = types.map { SwiftNaming.typeName($0.name) } + events.map(SwiftEventEmitter.typeName)
        var context = SwiftGenerationContext(schema: schema, options: options, declaredTypeNames: Set(declared))
        context.recursion = SwiftRecursion(types: types, context: context)
        try SwiftNameClashCheck(context: context).check(types: types, commands: commands, events: events)

        var files: [GeneratedFile] = []
        var seenStems: [String: String] = [:]
        for (module, moduleTypes) in zip(modules, typesByModule) {
            let stem = moduleStem(module.name)
            if let other = seenStems[stem] {
                throw QAPIError(nil, "modules '\(other)' and '\(module.name)' both become output files '\(stem).*.swift'")
            }
            seenStems[stem] = module.name
            files += moduleFiles(module, types: moduleTypes, stem: stem, context: context)
        }
        var schemaWriter = header(for: "the schema `\(schema.fileName.split(separator: "/").last.map(String.init) ?? "")`")
        let served = SwiftIntrospectionEmitter.servedCommand(in: commands)
        SwiftSchemaEmitter(context: context).emit(commands: commands, served: served, into: &schemaWriter)
        var introspectionWriter = header(for: "the schema's introspection data")
        SwiftIntrospectionEmitter(context: context).emit(served: served, into: &introspectionWriter)
        files.append(GeneratedFile(name: options.prefix + "_schema.swift", contents: schemaWriter.text))
        files.append(GeneratedFile(name: options.prefix + "_introspection.swift", contents: introspectionWriter.text))
        return files
    }

    /// The output file stem of module `name`.
    public static func moduleStem(_ name: String) -> String {
        var path = name
        if path.hasSuffix(".json") { path.removeLast(5) }
        var stem = ""
        for scalar in path.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-"
            stem.unicodeScalars.append(keep ? scalar : "-")
        }
        return stem
    }

    private static func generatedTypes(in module: QAPISchemaModule, context: SwiftGenerationContext) -> [QAPISchemaType] {
        module.entities.compactMap { entity -> QAPISchemaType? in
            guard let type = entity as? QAPISchemaType, !type.isImplicit, context.isIncluded(type.ifcond) else { return nil }
            return type is QAPISchemaArrayType || type is QAPISchemaBuiltinType ? nil : type
        }
    }

    private static func moduleFiles(
        _ module: QAPISchemaModule, types moduleTypes: [QAPISchemaType], stem: String, context: SwiftGenerationContext
    ) -> [GeneratedFile] {
        let source = "`\(module.name)`"
        var types = header(for: source)
        var commands = header(for: source)
        var events = header(for: source)
        let enums = SwiftEnumEmitter(context: context)
        let objects = SwiftObjectEmitter(context: context)
        let alternates = SwiftAlternateEmitter(context: context)
        let commandEmitter = SwiftCommandEmitter(context: context)
        let eventEmitter = SwiftEventEmitter(context: context)
        for type in moduleTypes {
            types.line()
            if let enumType = type as? QAPISchemaEnumType {
                enums.emit(enumType, into: &types)
            } else if let object = type as? QAPISchemaObjectType {
                objects.emit(object, into: &types)
            } else if let alternate = type as? QAPISchemaAlternateType {
                alternates.emit(alternate, into: &types)
            }
        }
        for entity in module.entities {
            if let command = entity as? QAPISchemaCommand, context.isIncluded(command.ifcond) {
                commands.line()
                commandEmitter.emitNamespace(command, into: &commands)
            } else if let event = entity as? QAPISchemaEvent, context.isIncluded(event.ifcond) {
                events.line()
                eventEmitter.emit(event, into: &events)
            }
        }
        let prefix = context.options.prefix
        return [
            GeneratedFile(name: prefix + stem + ".types.swift", contents: types.text),
            GeneratedFile(name: prefix + stem + ".commands.swift", contents: commands.text),
            GeneratedFile(name: prefix + stem + ".events.swift", contents: events.text),
        ]
    }

    private static func header(for source: String) -> SwiftCodeWriter {
        var writer = SwiftCodeWriter()
        writer.line("// Generated by qapi-gen from \(source). Do not edit.")
        writer.line()
        writer.line("import QAPIRuntime")
        return writer
    }
}
