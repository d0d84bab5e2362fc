/// The `class` member of a QMP error response: QEMU's `ErrorClass`
/// values, the same in QEMU 7.2 and 10.0 (spec R11).
public enum QMPErrorClass: String, Sendable, Hashable, CaseIterable {
    /// Every error that has no more specific class.
    case genericError = "GenericError"
    /// An unknown, disabled or policy-rejected command.
    case commandNotFound = "CommandNotFound"
    /// A device exists but is not active.
    case deviceNotActive = "DeviceNotActive"
    /// A device (or other named object) does not exist.
    case deviceNotFound = "DeviceNotFound"
    /// KVM lacks a capability the request needs.
    case kvmMissingCap = "KVMMissingCap"
}
