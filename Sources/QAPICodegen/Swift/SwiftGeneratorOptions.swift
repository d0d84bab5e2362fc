/// What `qapi-gen -o` is asked to generate.
public struct SwiftGeneratorOptions: Sendable, Hashable {
    /// The access level of generated declarations.
    public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
        /// `public`: for a library that serves or speaks the schema.
        case `public`
        /// `package`: visible inside the package only.
        case package
        /// `internal`: visible inside the target only.
        case `internal`
    }

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

    /// Options; by default no prefix, masked introspection, no symbols,
    /// public declarations.
    public init(
        prefix: String = "", unmask: Bool = false, definedSymbols: Set<String> = [], access: AccessLevel = .public,
        client: Bool = false, subset: QAPISubset? = nil
    ) {
        self.prefix = prefix
        self.unmask = unmask
        self.definedSymbols = definedSymbols
        self.access = access
        self.client = client
        self.subset = subset
    }
}
