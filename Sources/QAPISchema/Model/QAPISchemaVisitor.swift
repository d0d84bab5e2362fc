/// Walks a checked schema module by module, entity by entity, in
/// definition order. Every method has an empty default, so a visitor
/// implements only what it needs.
public protocol QAPISchemaVisitor {
    /// Called once before anything else.
    mutating func visitBegin(_ schema: QAPICheckedSchema)
    /// Called once after everything else.
    mutating func visitEnd()
    /// Called when a module starts; its entities follow.
    mutating func visitModule(_ module: QAPISchemaModule)
    /// Whether to visit `entity`; the default visits everything.
    func visitNeeded(_ entity: QAPISchemaEntity) -> Bool
    /// An `include` directive.
    mutating func visitInclude(_ include: QAPISchemaInclude)
    /// A predefined type.
    mutating func visitBuiltinType(_ type: QAPISchemaBuiltinType)
    /// An enum type.
    mutating func visitEnumType(_ type: QAPISchemaEnumType)
    /// An array type.
    mutating func visitArrayType(_ type: QAPISchemaArrayType)
    /// A struct or union (local members, base and branches are on the
    /// type; `members` gives the flat view).
    mutating func visitObjectType(_ type: QAPISchemaObjectType)
    /// An alternate type.
    mutating func visitAlternateType(_ type: QAPISchemaAlternateType)
    /// A command.
    mutating func visitCommand(_ command: QAPISchemaCommand)
    /// An event.
    mutating func visitEvent(_ event: QAPISchemaEvent)
}

extension QAPISchemaVisitor {
    /// Does nothing.
    public mutating func visitBegin(_ schema: QAPICheckedSchema) {}
    /// Does nothing.
    public mutating func visitEnd() {}
    /// Does nothing.
    public mutating func visitModule(_ module: QAPISchemaModule) {}
    /// Visits everything.
    public func visitNeeded(_ entity: QAPISchemaEntity) -> Bool { true }
    /// Does nothing.
    public mutating func visitInclude(_ include: QAPISchemaInclude) {}
    /// Does nothing.
    public mutating func visitBuiltinType(_ type: QAPISchemaBuiltinType) {}
    /// Does nothing.
    public mutating func visitEnumType(_ type: QAPISchemaEnumType) {}
    /// Does nothing.
    public mutating func visitArrayType(_ type: QAPISchemaArrayType) {}
    /// Does nothing.
    public mutating func visitObjectType(_ type: QAPISchemaObjectType) {}
    /// Does nothing.
    public mutating func visitAlternateType(_ type: QAPISchemaAlternateType) {}
    /// Does nothing.
    public mutating func visitCommand(_ command: QAPISchemaCommand) {}
    /// Does nothing.
    public mutating func visitEvent(_ event: QAPISchemaEvent) {}
}
