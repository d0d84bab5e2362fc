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

    private var entries: [Entry] = []
    /// Name to position in `entries`.
    private var positions: [ByteKey: Int] = [:]

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

    /// The error for a request naming `name`, if it is disabled.
    func disabledError(_ name: String) -> QMPError? {
        guard let position = positions[ByteKey(name)], !entries[position].isEnabled else { return nil }
        let reason = entries[position].disableReason.map { ": " + $0 } ?? ""
        return QMPError(.commandNotFound, "Command \(name) has been disabled\(reason)")
    }
}
