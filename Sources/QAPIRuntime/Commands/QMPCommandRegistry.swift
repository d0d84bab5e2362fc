/// The commands a QMP server knows, in registration order, each enabled
/// or disabled (QEMU's `QmpCommandList`).
///
/// Names are compared byte for byte and case-sensitively (spec R5).
/// Dispatch lives in `QMPCommandRegistry+Dispatch.swift`.
public struct QMPCommandRegistry: Sendable {
    /// A registered command and whether it is disabled.
    private struct Entry: Sendable {
        var command: QMPCommand
        var isEnabled = true
        var disableReason: String?
    }

    private var entries: [Entry] = [] {
        didSet { introspectionCache = IntrospectionCache() }
    }
    /// Name to position in `entries`.
    private var positions: [ByteKey: Int] = [:]
    /// The `query-qmp-schema` answer for the current entries, once asked
    /// for; replaced by an empty one whenever the entries change.
    private var introspectionCache = IntrospectionCache()

    /// Whether `query-qmp-schema` masks type names to numbers; nil (the
    /// default) to follow the served schemas: the names are masked unless
    /// one of them was generated with `unmask`, in which case every name
    /// is shown, that schema's and the others'.
    public var masksSchemaTypeNames: Bool? {
        didSet { introspectionCache = IntrospectionCache() }
    }

    /// An empty registry.
    public init() {}

    /// Registers `command`. Registering a name that is already present
    /// replaces that command in place: it keeps its position in
    /// `commands` and becomes enabled.
    public mutating func register(_ command: QMPCommand) {
        let entry = Entry(command: command)
        if let position = positions[ByteKey(command.name)] {
            entries[position] = entry
        } else {
            positions[ByteKey(command.name)] = entries.count
            entries.append(entry)
        }
    }

    /// Removes the command `name`, if registered.
    public mutating func unregister(_ name: String) {
        guard let position = positions.removeValue(forKey: ByteKey(name)) else { return }
        entries.remove(at: position)
        for later in position..<entries.count {
            positions[ByteKey(entries[later].command.name)] = later
        }
    }

    /// The command `name`, enabled or not.
    public subscript(name: String) -> QMPCommand? {
        positions[ByteKey(name)].map { entries[$0].command }
    }

    /// Every registered command, enabled or not, in registration order.
    public var commands: [QMPCommand] { entries.map(\.command) }

    /// Whether `name` is registered and enabled (`query-commands` lists
    /// only those).
    public func isEnabled(_ name: String) -> Bool {
        positions[ByteKey(name)].map { entries[$0].isEnabled } ?? false
    }

    /// Disables the command `name`, if registered: requests for it fail
    /// with `Command NAME has been disabled`, or with `: REASON` appended
    /// when `reason` is given (spec R6).
    public mutating func disable(_ name: String, reason: String? = nil) {
        guard let position = positions[ByteKey(name)] else { return }
        entries[position].isEnabled = false
        entries[position].disableReason = reason
    }

    /// Enables the command `name` again, if registered.
    public mutating func enable(_ name: String) {
        guard let position = positions[ByteKey(name)] else { return }
        entries[position].isEnabled = true
        entries[position].disableReason = nil
    }

    /// `introspection()`, computed once for the current entries.
    func cachedIntrospection() -> JSONValue {
        introspectionCache.value.withLock { cached in
            if let cached { return cached }
            let value = introspection(masked: masksSchemaTypeNames)
            cached = value
            return value
        }
    }

    /// Registers `query-qmp-schema` as described by `command` (a
    /// generated descriptor, normally of a `gen: false` command): it
    /// answers with `introspection()`, the schema of exactly the commands
    /// registered when it runs.
    public mutating func registerSchemaQuery<Command: QMPCommandDescriptor>(_ command: Command.Type) {
        register(
            QMPCommand(
                name: Command.name, flags: Command.flags, features: Command.features, schema: Command.schema,
                body: .schemaQuery))
    }

    /// The error for a request naming `name`, if it is disabled.
    func disabledError(_ name: String) -> QMPError? {
        guard let position = positions[ByteKey(name)], !entries[position].isEnabled else { return nil }
        let reason = entries[position].disableReason.map { ": " + $0 } ?? ""
        return QMPError(.commandNotFound, "Command \(name) has been disabled\(reason)")
    }
}

/// The shared box of a registry's cached `query-qmp-schema` answer.
private final class IntrospectionCache: Sendable {
    let value = QAPILock<JSONValue?>(nil)
}
