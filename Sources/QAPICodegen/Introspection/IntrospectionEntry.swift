import QAPISchema

/// One SchemaInfo object of `query-qmp-schema`: a command, an event or a
/// type, with the condition under which it exists.
public struct IntrospectionEntry: Sendable, Hashable {
    /// The name as `query-qmp-schema` shows it: masked to a number for
    /// enum, object and alternate types unless unmasked, `[T]` for arrays.
    public let name: String
    /// The name in the schema (`q_obj_x-arg`, `intList`, ...).
    public let schemaName: String
    /// `builtin`, `enum`, `object`, `array`, `alternate`, `command` or
    /// `event`.
    public let metaType: String
    /// The condition under which the entry exists; absent after evaluation.
    public let ifcond: QAPISchemaIfCond
    /// The SchemaInfo object, keys sorted as in QEMU's reference dumps;
    /// inner elements may still be conditional.
    public let value: IntrospectionValue

    /// An entry; `value` must be an object.
    public init(
        name: String, schemaName: String, metaType: String,
        ifcond: QAPISchemaIfCond, value: IntrospectionValue
    ) {
        self.name = name
        self.schemaName = schemaName
        self.metaType = metaType
        self.ifcond = ifcond
        self.value = value
    }

    /// The entry as an element of the SchemaInfo array: the object, in
    /// `{"if": C, "value": V}` form when the entry is conditional.
    public var annotatedValue: IntrospectionValue {
        .annotated(value, ifcond)
    }

    /// The entry with every condition decided by `isDefined`, or `nil`
    /// when its own condition is false.
    public func evaluated(_ isDefined: (String) -> Bool) -> IntrospectionEntry? {
        guard ifcond.evaluate(isDefined), let value = value.evaluated(isDefined) else { return nil }
        return IntrospectionEntry(
            name: name, schemaName: schemaName, metaType: metaType,
            ifcond: QAPISchemaIfCond(), value: value)
    }
}
