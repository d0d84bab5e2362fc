/// A command: its arguments, its return type and its flags.
public final class QAPISchemaCommand: QAPISchemaDefinition {
    /// The argument type's name (`q_obj_<name>-arg` for inline arguments).
    public let argTypeName: String?
    /// The return type's name as written (arrays as `TList`).
    public let retTypeName: String?
    /// `gen`: whether code is generated for the command (false leaves
    /// marshalling to hand-written code).
    public let gen: Bool
    /// `success-response`: whether a success sends a response.
    public let successResponse: Bool
    /// `boxed`: whether the arguments are passed as one object.
    public let boxed: Bool
    /// `allow-oob`: whether the command may run out of band.
    public let allowOOB: Bool
    /// `allow-preconfig`: whether the command works before configuration.
    public let allowPreconfig: Bool
    /// `coroutine`: whether the handler may yield.
    public let coroutine: Bool
    var resolvedArgType: QAPISchemaObjectType?
    var resolvedRetType: QAPISchemaType?

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?, ifcond: QAPISchemaIfCond,
        features: [QAPISchemaFeature], argTypeName: String?, retTypeName: String?,
        gen: Bool, successResponse: Bool, boxed: Bool, allowOOB: Bool,
        allowPreconfig: Bool, coroutine: Bool
    ) {
        self.argTypeName = argTypeName
        self.retTypeName = retTypeName
        self.gen = gen
        self.successResponse = successResponse
        self.boxed = boxed
        self.allowOOB = allowOOB
        self.allowPreconfig = allowPreconfig
        self.coroutine = coroutine
        super.init(name: name, info: info, doc: doc, ifcond: ifcond, features: features)
    }

    /// The argument type, if the command takes arguments.
    public var argType: QAPISchemaObjectType? { resolvedArgType }

    /// The return type, if the command returns something.
    public var retType: QAPISchemaType? { resolvedRetType }

    /// `command`.
    public override var meta: QAPIMetaType { .command }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        try super.check(schema)
        if let argTypeName {
            let type = try schema.resolveType(argTypeName, info: info, what: "command's 'data'")
            guard let argType = type as? QAPISchemaObjectType else {
                throw QAPIError(info, "command's 'data' cannot take \(type.describe())")
            }
            resolvedArgType = argType
            if argType.branches != nil && !boxed {
                throw QAPIError(
                    info, "command's 'data' can take \(argType.describe()) only with 'boxed': true")
            }
            try argType.check(schema)
            if argType.hasConditionalMembers && !boxed {
                throw QAPIError(info, "conditional command arguments require 'boxed': true")
            }
        }
        if let retTypeName {
            let type = try schema.resolveType(retTypeName, info: info, what: "command's 'returns'")
            resolvedRetType = type
            if !(info?.pragma.commandReturnsExceptions.contains(name) ?? false) {
                let element = (type as? QAPISchemaArrayType)?.elementType ?? type
                if !(element is QAPISchemaObjectType) {
                    throw QAPIError(info, "command's 'returns' cannot take \(type.describe())")
                }
            }
        }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        guard let doc = doc ?? self.doc else { return }
        if let argType, argType.isImplicit { try argType.connectDoc(doc) }
        if retType != nil, let info { doc.ensureReturns(info: info) }
    }

    override func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {
        visitor.visitCommand(self)
    }
}
