extension MonitorServer {
    /// The protocol a monitor speaks.
    public enum MonitorMode: String, Sendable, Hashable, CaseIterable {
        /// QMP (`mode=control`).
        case control
        /// The human monitor (`mode=readline`).
        case readline
    }

    /// A monitor as `query-monitors` describes it.
    public struct MonitorDescription: Sendable, Hashable {
        /// The monitor's id: always set for QMP monitors, set for human
        /// monitors only when given (spec H6).
        public var id: String?
        /// The protocol it speaks.
        public var mode: MonitorMode
        /// The chardev it serves.
        public var chardev: String

        /// A description from its parts.
        public init(id: String?, mode: MonitorMode, chardev: String) {
            self.id = id
            self.mode = mode
            self.chardev = chardev
        }
    }

    /// Why the server shuts down or resets: the `reason` of its
    /// `SHUTDOWN` and `RESET` events (QEMU's `ShutdownCause` values).
    public enum ShutdownReason: String, Sendable, Hashable, CaseIterable {
        /// An error on the host (a failed start-up, for example).
        case hostError = "host-error"
        /// The `quit` command.
        case hostQMPQuit = "host-qmp-quit"
        /// The `system_reset` command.
        case hostQMPSystemReset = "host-qmp-system-reset"
        /// A signal (SIGINT, SIGTERM, SIGHUP).
        case hostSignal = "host-signal"
        /// A user interface asked for it.
        case hostUI = "host-ui"
        /// The guest shut down.
        case guestShutdown = "guest-shutdown"
        /// The guest reset itself.
        case guestReset = "guest-reset"

        /// Whether the guest asked for it: the events' `guest` member.
        public var isGuestInitiated: Bool {
            self == .guestShutdown || self == .guestReset
        }
    }
}
