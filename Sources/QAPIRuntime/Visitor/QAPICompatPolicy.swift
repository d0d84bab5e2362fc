/// Special features of a member or enum value that the compat policy
/// acts on (QAPI's `deprecated` and `unstable`).
public struct QAPIFeatures: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8

    /// Features from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The `deprecated` feature.
    public static let deprecated = QAPIFeatures(rawValue: 1)
    /// The `unstable` feature.
    public static let unstable = QAPIFeatures(rawValue: 2)
}

/// How input that uses deprecated or unstable members and enum values is
/// treated: QEMU's `-compat deprecated-input=...,unstable-input=...`.
/// The default accepts everything, as QEMU does.
public struct QAPICompatPolicy: Sendable, Hashable {
    /// Whether input with deprecated members and values is rejected.
    public var rejectDeprecatedInput: Bool
    /// Whether input with unstable members and values is rejected.
    public var rejectUnstableInput: Bool

    /// A policy; by default everything is accepted.
    public init(rejectDeprecatedInput: Bool = false, rejectUnstableInput: Bool = false) {
        self.rejectDeprecatedInput = rejectDeprecatedInput
        self.rejectUnstableInput = rejectUnstableInput
    }

    /// Throws `Deprecated KIND NAME disabled by policy` (or `Unstable`)
    /// when `features` are rejected; `kind` is `parameter` or `value`.
    @inlinable
    func check(_ features: QAPIFeatures, kind: StaticString, name: String) throws(QAPIDecodingError) {
        if features.isEmpty { return }
        try reject(features, kind: kind, name: name)
    }

    @usableFromInline
    func reject(_ features: QAPIFeatures, kind: StaticString, name: String) throws(QAPIDecodingError) {
        if features.contains(.deprecated) && rejectDeprecatedInput {
            throw .final(.generic("Deprecated \(kind) \(name) disabled by policy"))
        }
        if features.contains(.unstable) && rejectUnstableInput {
            throw .final(.generic("Unstable \(kind) \(name) disabled by policy"))
        }
    }
}
