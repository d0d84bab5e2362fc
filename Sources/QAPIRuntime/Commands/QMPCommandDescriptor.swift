/// A command of a schema, as a type: its wire name, its flags, and the
/// Swift types of its arguments and result.
///
/// Generated code makes one namespace per command that conforms
/// (`Commands.QueryVersion`); the server registers handlers by it
/// (`registry.register(Commands.QueryVersion.self) { ... }`) and the
/// typed client executes by it (`connection.execute(Commands.QueryVersion.self)`).
/// A command without arguments, or without `returns`, uses `QAPIEmpty`.
public protocol QMPCommandDescriptor {
    /// The arguments: an object type (the command's implicit argument
    /// struct, its named `data` type, or `QAPIEmpty`).
    associatedtype Arguments: QAPIObjectCodable & Hashable
    /// The `return` value's type (`QAPIEmpty` for a command without
    /// `returns`).
    associatedtype Result: QAPICodable

    /// The wire name, `query-version` for example.
    static var name: String { get }
    /// The schema options that change how the command is dispatched.
    static var flags: QMPCommandFlags { get }
    /// The command's special features (`deprecated`, `unstable`), which
    /// the compat policy acts on (spec R6).
    static var features: QAPIFeatures { get }
    /// The introspection data of the schema the command belongs to:
    /// `query-qmp-schema` describes the commands a server serves with it.
    /// Nil for a command written by hand without a schema.
    static var schema: QMPSchemaIntrospection? { get }
}

extension QMPCommandDescriptor {
    /// No special features.
    public static var features: QAPIFeatures { [] }
    /// No schema.
    public static var schema: QMPSchemaIntrospection? { nil }
}

/// A command that runs in band: on the server's dispatcher, one at a
/// time, in order; its handler may `await`.
public protocol QMPInBandCommand: QMPCommandDescriptor {}

/// An `allow-oob` command: it may be sent with `exec-oob`, and a server
/// runs it at once on its I/O side, so its handler is synchronous (spec
/// O2–O4). It can also be sent in band.
public protocol QMPOutOfBandCommand: QMPCommandDescriptor {}
