/// A checked schema: modules, entities with their implicit types, docs.
///
/// Building one reads the schema files, checks every expression, defines
/// an entity per definition (plus the predefined types, `q_empty`,
/// `QType`, array types and the implicit argument and base types), then
/// checks the entities against each other and connects the documentation,
/// all in QEMU's order and with QEMU's error messages.
///
/// The schema owns its entities. The references between them (a member's
/// type, an array's element type, a base) do not keep their target alive,
/// so that recursive types do not make the model leak: keep the schema
/// while you use its entities.
public final class QAPICheckedSchema {
    /// The main schema file as given.
    public let fileName: String
    /// Documentation blocks of all files, in source order.
    public let docs: [QAPIDoc]
    /// Every entity in definition order, predefined ones first.
    public internal(set) var entities: [QAPISchemaEntity] = []
    /// The modules: `./builtin`, the main file, then included files in
    /// order of first inclusion.
    public internal(set) var modules: [QAPISchemaModule] = []
    /// Every feature name used in the schema, each once in order of first
    /// use, starting with the special features `deprecated` and `unstable`.
    public internal(set) var features: [QAPISchemaFeature] = []

    var definitions: [String: QAPISchemaDefinition] = [:]
    var moduleByName: [String: QAPISchemaModule] = [:]
    var featureNames: Set<String> = []
    var moduleNameCache: [String: String] = [:]
    let schemaDirectory: String
    let workingDirectory: String
    var predefining = false

    /// Reads, checks and builds the schema rooted at `fileName`.
    public convenience init(fileName: String) throws(QAPIError) {
        let parsed = try QAPISchemaParser.parse(fileName: fileName)
        try self.init(expressions: parsed.expressions, docs: parsed.docs, fileName: fileName)
    }

    /// Checks already parsed `expressions` (from the schema rooted at
    /// `fileName`) and builds the schema from them.
    public init(expressions: [QAPIExpression], docs: [QAPIDoc], fileName: String) throws(QAPIError) {
        self.fileName = fileName
        self.docs = docs
        schemaDirectory = QAPIPath.directoryName(fileName)
        workingDirectory = WorkingDirectory.path
        let checked = try QAPIExpressionChecker.check(expressions)
        for name in QAPISchemaFeature.specialNames {
            features.append(QAPISchemaFeature(name: name, info: nil, ifcond: QAPISchemaIfCond()))
            featureNames.insert(name)
        }
        _ = makeModule(QAPISchemaModule.builtinModuleName)
        _ = makeModule(fileName)
        predefining = true
        definePredefineds()
        predefining = false
        for expression in checked {
            try define(expression)
        }
        try check()
    }

    // MARK: Lookup

    /// The predefined empty object type `q_empty`.
    public var emptyObjectType: QAPISchemaObjectType {
        guard let type = definitions["q_empty"] as? QAPISchemaObjectType else {
            preconditionFailure("q_empty is always predefined")
        }
        return type
    }

    /// Every type in definition order, predefined and implicit ones included.
    public var types: [QAPISchemaType] {
        entities.compactMap { $0 as? QAPISchemaType }
    }

    /// Every command in definition order.
    public var commands: [QAPISchemaCommand] {
        entities.compactMap { $0 as? QAPISchemaCommand }
    }

    /// Every event in definition order.
    public var events: [QAPISchemaEvent] {
        entities.compactMap { $0 as? QAPISchemaEvent }
    }

    /// The definition named `name`, if any.
    public func lookupEntity(_ name: String) -> QAPISchemaDefinition? {
        definitions[name]
    }

    /// The type named `name`, if any.
    public func lookupType(_ name: String) -> QAPISchemaType? {
        definitions[name] as? QAPISchemaType
    }

    /// The type named `name`; an error at `info` saying that `what` uses
    /// an unknown type otherwise.
    func resolveType(
        _ name: String, info: QAPISourceInfo?, what: @autoclosure () -> String
    ) throws(QAPIError) -> QAPISchemaType {
        guard let type = lookupType(name) else {
            throw QAPIError(info, "\(what()) uses unknown type '\(name)'")
        }
        return type
    }

    /// The module named `name`, if any.
    public func module(named name: String) -> QAPISchemaModule? {
        moduleByName[name]
    }

    // MARK: Visiting

    /// Walks the schema: `visitBegin`, then each module and its entities,
    /// then `visitEnd`.
    public func visit<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitBegin(self)
        for module in modules { module.visit(&visitor) }
        visitor.visitEnd()
    }

    // MARK: Modules

    /// The module name for a file: system names as they are, user files
    /// relative to the main schema file's directory.
    func moduleName(_ fileName: String) -> String {
        if QAPISchemaModule.isSystemModule(fileName) { return fileName }
        if let cached = moduleNameCache[fileName] { return cached }
        let name = QAPIPath.relativePath(fileName, from: schemaDirectory, cwd: workingDirectory)
        moduleNameCache[fileName] = name
        return name
    }

    func makeModule(_ fileName: String) -> QAPISchemaModule {
        let name = moduleName(fileName)
        if let module = moduleByName[name] { return module }
        let module = QAPISchemaModule(name: name)
        moduleByName[name] = module
        modules.append(module)
        return module
    }

    // MARK: Checking

    private func check() throws(QAPIError) {
        for entity in entities {
            try entity.check(self)
            try entity.connectDoc()
        }
        var lastFile: String?
        var lastModule: QAPISchemaModule?
        for entity in entities {
            let file = entity.moduleFileName ?? QAPISchemaModule.builtinModuleName
            let module: QAPISchemaModule
            if file == lastFile, let lastModule {
                module = lastModule
            } else {
                module = makeModule(file)
                lastFile = file
                lastModule = module
            }
            entity.moduleName = module.name
            module.entities.append(entity)
        }
        for doc in docs {
            try doc.check()
        }
        if features.count > 64 {
            throw QAPIError(features[64].info, "Maximum of 64 schema features is permitted")
        }
    }
}
