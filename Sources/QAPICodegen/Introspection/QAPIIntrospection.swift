import QAPISchema

/// The data of `query-qmp-schema` for a schema, as QEMU's introspection
/// generator makes it: one SchemaInfo per command, event and used type,
/// type names masked to numbers unless unmasked, and `if` conditions
/// either kept or evaluated against a set of defined symbols.
public enum QAPIIntrospection {
    /// The SchemaInfo entries with their conditions kept: commands and
    /// events in schema order, then the types they use in order of first
    /// use. Masked numbers are given regardless of conditions.
    public static func schemaInfo(
        for schema: QAPICheckedSchema, unmask: Bool = false, subset: QAPISubset? = nil
    ) -> [IntrospectionEntry] {
        IntrospectionBuilder.build(schema, unmask: unmask, subset: subset)
    }

    /// The SchemaInfo entries for a build in which exactly
    /// `definedSymbols` are defined: elements whose condition is false
    /// are dropped, the others lose their condition. Numbering is that of
    /// the whole schema, so leaving symbols out leaves gaps.
    public static func schemaInfo(
        for schema: QAPICheckedSchema, unmask: Bool = false, definedSymbols: Set<String>, subset: QAPISubset? = nil
    ) -> [IntrospectionEntry] {
        evaluate(schemaInfo(for: schema, unmask: unmask, subset: subset), definedSymbols: definedSymbols)
    }

    /// `entries` with every condition decided by `definedSymbols`.
    public static func evaluate(_ entries: [IntrospectionEntry], definedSymbols: Set<String>) -> [IntrospectionEntry] {
        entries.compactMap { $0.evaluated { definedSymbols.contains($0) } }
    }

    /// The entries as a JSON array with one SchemaInfo per line, in the
    /// layout of QEMU's reference dumps (keys sorted, `", "` and `": "`
    /// separators); conditional elements appear as
    /// `{"if": COND, "value": VALUE}`. Ends with a newline.
    public static func renderJSON(_ entries: [IntrospectionEntry]) -> String {
        var writer = IntrospectionJSONWriter()
        writer.writeRaw("[\n")
        for (index, entry) in entries.enumerated() {
            if index > 0 { writer.writeRaw(",\n") }
            writer.write(entry.annotatedValue)
        }
        writer.writeRaw("\n]\n")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Every symbol that a condition in the introspection data of
    /// `schema` mentions, sorted (types no command or event uses are not
    /// looked at).
    public static func conditionSymbols(in schema: QAPICheckedSchema) -> [String] {
        var symbols = Set<String>()
        for entry in schemaInfo(for: schema, unmask: true) {
            collectSymbols(entry.annotatedValue, into: &symbols)
        }
        return symbols.sorted()
    }

    private static func collectSymbols(_ value: IntrospectionValue, into symbols: inout Set<String>) {
        switch value {
        case .string, .bool, .null:
            break
        case .array(let elements):
            for element in elements { collectSymbols(element, into: &symbols) }
        case .object(let fields):
            for field in fields { collectSymbols(field.value, into: &symbols) }
        case .conditional(let condition, let inner):
            if let raw = condition.value { collectSymbols(raw, into: &symbols) }
            collectSymbols(inner, into: &symbols)
        }
    }

    private static func collectSymbols(_ value: SchemaValue, into symbols: inout Set<String>) {
        switch value {
        case .string(let symbol): symbols.insert(symbol)
        case .bool: break
        case .list(let items): for item in items { collectSymbols(item, into: &symbols) }
        case .object(let object): for (_, member) in object { collectSymbols(member, into: &symbols) }
        }
    }
}
