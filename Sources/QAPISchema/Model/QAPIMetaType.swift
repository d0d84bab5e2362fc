/// What kind of definition an entity is, as messages name it
/// (`struct type 'T'`, `command 'x'`).
public enum QAPIMetaType: String, Sendable, Hashable, CaseIterable {
    /// An enumeration.
    case `enum`
    /// A struct.
    case `struct`
    /// A (flat) union.
    case union
    /// An alternate.
    case alternate
    /// An array of another type.
    case array
    /// A built-in type (`str`, `int`, ...).
    case builtIn = "built-in"
    /// A command.
    case command
    /// An event.
    case event
}
