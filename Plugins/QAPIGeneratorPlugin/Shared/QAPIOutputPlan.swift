// Compiled twice, into the build plugin and into QAPICodegen (through a
// symbolic link), so that both name the generated files from one rule.
// It must not import anything.

/// The files `qapi-gen -o DIR` writes for a schema: always the same 21,
/// whatever the schema, so that a build plugin declares its outputs
/// without reading the schema or its configuration, and a changed
/// schema, include list or configuration never leaves the build plan
/// stale.
public enum QAPIOutputPlan {
    /// The schema's types (enums, structs, unions, alternates), spread in
    /// schema order over sixteen files of about the same size, so that the
    /// compiler can work on them in parallel. A debug build hands each
    /// core a run of consecutive files, in name order, and the type files
    /// come last in that order: with few of them, the last run held most
    /// of the work. Sixteen built QEMU's whole schema about 15% faster in
    /// debug than eight on a two-core machine (thirty-two was slower).
    public static let types = (1...16).map { "qapi-types-\($0).swift" }
    /// The command namespaces (descriptors with arguments and results).
    public static let commands = "qapi-commands.swift"
    /// The event types and the event set.
    public static let events = "qapi-events.swift"
    /// The namespaces, the handler protocol and the registration.
    public static let schema = "qapi-schema.swift"
    /// The `query-qmp-schema` data.
    public static let introspection = "qapi-introspection.swift"
    /// The typed client's methods; a comment only unless a client is asked for.
    public static let client = "qapi-client.swift"

    /// Every output file, in the order the generator returns them.
    public static let files = types + [commands, events, schema, introspection, client]
}
