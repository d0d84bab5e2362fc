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
        // The type declarations, the other files and the name clash check
        // (whose error wins over any output) depend on nothing but the
        // checked schema and the context, which nothing changes from here
        // on, so they are made by parallel jobs: the other files one job
        // each, the slowest first, then the check, then batches of types.
        let typeBatches = batches(
            of: zip(modules, typesByModule).flatMap { module, moduleTypes in
                moduleTypes.map { (module: module, type: $0) }
            })
        let otherFiles = SwiftOtherFiles(
            modules: modules, commands: commands, events: events, source: source, context: context,
            selected: isSelected)
        let parts = SwiftOtherFiles.Part.slowestFirst
        let jobs = SwiftParallelJobs.map(count: parts.count + 1 + typeBatches.count) { index -> ParallelJob in
            if index < parts.count {
                return .file(parts[index], otherFiles.write(parts[index]).text)
            }
            if index == parts.count {
                return .nameClashCheck(
                    Result { () throws(QAPIError) in
                        try SwiftNameClashCheck(context: context).check(
                            types: types, commands: commands, events: events)
                    })
            }
            return .types(chunks(of: typeBatches[index - parts.count - 1], context: context))
        }
        var files: [SwiftOtherFiles.Part: String] = [:]
        var typeChunks: [SwiftTypeShards.Chunk] = []
        for job in jobs {
            switch job {
            case .file(let part, let writer): files[part] = writer
            case .nameClashCheck(let result): try result.get()
            case .types(let chunks): typeChunks += chunks
            }
        }
        let typeFiles = SwiftTypeShards.distribute(typeChunks, count: QAPIOutputPlan.types.count) {
            SwiftOtherFiles.header(for: source)
        }
        let contents = typeFiles + SwiftOtherFiles.Part.allCases.map { files[$0]! }
        return zip(QAPIOutputPlan.files, contents).map { GeneratedFile(name: $0, contents: $1) }
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

    /// What one parallel job of `generate` makes.
    private enum ParallelJob {
        /// One of the other files, and its text.
        case file(SwiftOtherFiles.Part, String)
        /// The name clash check: its first clash, if any.
        case nameClashCheck(Result<Void, QAPIError>)
        /// A batch of types, each as a declaration and its codec.
        case types([SwiftTypeShards.Chunk])
    }

    /// `types` cut into runs of consecutive types, small enough for the
    /// parallel jobs to share the work evenly.
    private static func batches(
        of types: [(module: QAPISchemaModule, type: QAPISchemaType)]
    ) -> [ArraySlice<(module: QAPISchemaModule, type: QAPISchemaType)>] {
        let size = 32
        return stride(from: 0, to: types.count, by: size).map { types[$0..<min($0 + size, types.count)] }
    }

    /// Each of `types` as a declaration and its codec.
    private static func chunks(
        of types: ArraySlice<(module: QAPISchemaModule, type: QAPISchemaType)>, context: SwiftGenerationContext
    ) -> [SwiftTypeShards.Chunk] {
        let enums = SwiftEnumEmitter(context: context)
        let objects = SwiftObjectEmitter(context: context)
        let alternates = SwiftAlternateEmitter(context: context)
        return types.map { module, type in
            var declaration = SwiftCodeWriter()
            var support = SwiftCodeWriter()
            if let enumType = type as? QAPISchemaEnumType {
                enums.emit(enumType, into: &declaration, support: &support)
            } else if let object = type as? QAPISchemaObjectType {
                objects.emit(object, into: &declaration, support: &support)
            } else if let alternate = type as? QAPISchemaAlternateType {
                alternates.emit(alternate, into: &declaration, support: &support)
            }
            return SwiftTypeShards.Chunk(module: module.name, declaration: declaration.bytes, support: support.bytes)
        }
    }
}
