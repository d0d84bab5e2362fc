/// The `class` member of a QMP error response (spec R11).
///
/// Open-ended: QEMU 7.2 and 10.0 send the five classes listed as static
/// members, but a client keeps whatever class a peer sends, so a class no
/// schema lists survives a round trip unchanged.
public struct QMPErrorClass: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The class name as it appears on the wire (`GenericError`).
    public let rawValue: String

    /// The class named `rawValue`, known or not.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every error that has no more specific class.
    public static let genericError = QMPErrorClass(rawValue: "GenericError")
    /// An unknown, disabled or policy-rejected command.
    public static let commandNotFound = QMPErrorClass(rawValue: "CommandNotFound")
    /// A device exists but is not active.
    public static let deviceNotActive = QMPErrorClass(rawValue: "DeviceNotActive")
    /// A device (or other named object) does not exist.
    public static let deviceNotFound = QMPErrorClass(rawValue: "DeviceNotFound")
    /// KVM lacks a capability the request needs.
    public static let kvmMissingCap = QMPErrorClass(rawValue: "KVMMissingCap")

    /// The classes QEMU 7.2 and 10.0 send, in QEMU's order.
    public static let allCases: [QMPErrorClass] = [
        .genericError, .commandNotFound, .deviceNotActive, .deviceNotFound, .kvmMissingCap,
    ]

    /// Class names compare byte for byte, as QEMU compares them.
    public static func == (lhs: QMPErrorClass, rhs: QMPErrorClass) -> Bool {
        UTF8Bytes.equal(lhs.rawValue, rhs.rawValue)
    }

    /// Hashes the name's bytes, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(rawValue, into: &hasher)
    }

    /// The class name.
    public var description: String { rawValue }
}
