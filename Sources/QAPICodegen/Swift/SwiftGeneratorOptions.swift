/// What `qapi-gen -o` is asked to generate.
public struct SwiftGeneratorOptions: Sendable, Hashable {
    /// The access level of generated declarations (one enum, shared
    /// with the build plugin's configuration).
    public typealias AccessLevel = QAPIAccessLevel

    /// Put (as UpperCamel) in front of the per-schema declarations
    /// (`PrefixCommands`, `PrefixEvents`, ...), so that two schemas can
    /// be used side by side.
    public var prefix: String
    /// Keep type names in the introspection data instead of numbers.
    public var unmask: Bool
    /// The symbols `if` conditions see as defined.
    public var definedSymbols: Set<String>
    /// The access level of generated declarations.
    public var access: AccessLevel
    /// Whether to generate the typed client (`qapi-client.swift`), which
    /// needs the `QMPClient` library.
    public var client: Bool
    /// The part of the schema to generate; nil for all of it.
    public var subset: QAPISubset?
    /// Whether the members of generated structs, unions and events are
    /// `var` (settable after initialisation) instead of `let`. Off by
    /// default: a settable member costs its type a setter and a `modify`
    /// accessor, and for QEMU's whole schema those were about a sixth of
    /// a debug build's critical path.
    public var mutableMembers: Bool

    /// Options; by default no prefix, masked introspection, no symbols,
    /// public declarations, constant members.
    public init(
        prefix: String = "", unmask: Bool = false, definedSymbols: Set<String> = [], access: AccessLevel = .public,
        client: Bool = false, subset: QAPISubset? = nil, mutableMembers: Bool = false
    ) {
        self.prefix = prefix
        self.unmask = unmask
        self.definedSymbols = definedSymbols
        self.access = access
        self.client = client
        self.subset = subset
        self.mutableMembers = mutableMembers
    }

    /// The options a target's `qapi-gen.json` asks for.
    public init(_ config: QAPIGeneratorConfig) {
        self.init(
            prefix: config.prefix, unmask: config.unmask, definedSymbols: Set(config.symbols), access: config.access,
            client: config.client, mutableMembers: config.mutableMembers)
        if config.commands != nil || config.events != nil || config.types != nil {
            subset = QAPISubset(
                commands: Set(config.commands ?? []), events: Set(config.events ?? []), types: Set(config.types ?? []))
        }
    }
}
