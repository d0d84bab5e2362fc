/// The server-wide settings that decide whether a command may run.
public struct QMPDispatchPolicy: Sendable, Hashable {
    /// The compat policy (QEMU's `-compat`). As in QEMU, it rejects
    /// deprecated or unstable commands (spec R6) as well as arguments and
    /// enum values (spec A6, A12).
    public var compat: QAPICompatPolicy
    /// Whether the machine is ready. Until it is (`--preconfig`), only
    /// `allow-preconfig` commands run (spec R8).
    public var machineReady: Bool

    /// A policy; by default everything is accepted and the machine is
    /// ready.
    public init(compat: QAPICompatPolicy = QAPICompatPolicy(), machineReady: Bool = true) {
        self.compat = compat
        self.machineReady = machineReady
    }
}
