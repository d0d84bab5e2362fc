/// Anything the schema holds in definition order: a definition, or a
/// directive such as an `include`.
public class QAPISchemaEntity {
    /// Where the entity is defined. For implicit types, the place that
    /// caused them; `nil` for predefined types and their arrays.
    public let info: QAPISourceInfo?
    /// The name of the module the entity belongs to (set when the schema
    /// is checked); `QAPICheckedSchema.module(named:)` gives the module itself.
    public internal(set) var moduleName = ""
    var isChecked = false

    init(info: QAPISourceInfo?) {
        self.info = info
    }

    /// Checks the entity against the rest of the schema.
    func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        isChecked = true
    }

    /// Connects the entity's parts to `doc` (or its own documentation).
    func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {}

    /// The file whose module the entity belongs to; `nil` for the
    /// built-in module.
    var moduleFileName: String? { info?.fileName }

    /// Calls the visitor method for this kind of entity.
    func accept<Visitor: QAPISchemaVisitor>(_ visitor: inout Visitor) {}
}

/// A named definition: a type, command or event.
public class QAPISchemaDefinition: QAPISchemaEntity {
    /// The name.
    public let name: String
    /// The documentation block of the definition, if any.
    public let doc: QAPIDoc?
    /// The features.
    public let features: [QAPISchemaFeature]
    let ownIfcond: QAPISchemaIfCond

    init(
        name: String, info: QAPISourceInfo?, doc: QAPIDoc?,
        ifcond: QAPISchemaIfCond, features: [QAPISchemaFeature]
    ) {
        self.name = name
        self.doc = doc
        self.features = features
        self.ownIfcond = ifcond
        super.init(info: info)
        for feature in features { feature.setDefinedIn(name) }
    }

    /// What kind of definition this is; every subclass says.
    public var meta: QAPIMetaType { preconditionFailure("\(type(of: self)) does not name its meta-type") }

    /// The `if` condition under which the definition exists.
    public var ifcond: QAPISchemaIfCond { ownIfcond }

    /// Whether the schema made this definition up rather than reading it.
    public var isImplicit: Bool { info == nil }

    /// The definition as messages name it: `command 'x'`, `struct type 'T'`.
    public func describe() -> String {
        "\(meta.rawValue) '\(name)'"
    }

    override func check(_ schema: QAPICheckedSchema) throws(QAPIError) {
        assert(!isChecked, "\(name) checked twice")
        try super.check(schema)
        var seen = QAPIMemberSeen()
        for feature in features { try feature.checkClash(info, &seen) }
    }

    override func connectDoc(_ doc: QAPIDoc? = nil) throws(QAPIError) {
        try super.connectDoc(doc)
        guard let doc = doc ?? self.doc else { return }
        for feature in features { try feature.connectDoc(doc) }
    }
}
