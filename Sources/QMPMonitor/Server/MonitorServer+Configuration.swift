import QAPIRuntime
import QMPMonitorSchema

extension MonitorServer {
    /// What a server reports about itself, how it dispatches, and any
    /// commands it serves beyond the schema's.
    public struct Configuration: Sendable {
        /// This project's version, which the server reports by default.
        public static let projectVersion = VersionTriple(major: 0, minor: 1, micro: 0)

        /// The `query-version` result and the greeting's `version` (spec
        /// G3). By default the project's version, package `swift-qapi`.
        public var version: VersionInfo
        /// The name in the human monitor's banner
        /// (`NAME X.Y.Z monitor - type 'help' for more information`).
        public var productName: String
        /// The compat policy and whether the machine is ready (spec R6, R8).
        public var policy: QMPDispatchPolicy
        /// How long shutdown waits, in seconds, for clients to take the
        /// output written before their connections close (a client that
        /// does not read would otherwise hold the server up).
        public var shutdownFlushTimeout: Double
        /// Registers commands beyond the schema's, after them (a command
        /// of the same name replaces the schema's). The sink delivers
        /// events to the server's monitors (spec E2, E3).
        public var extraCommands: @Sendable (inout QMPCommandRegistry, any QMPEventSink) -> Void

        /// A configuration; every parameter has the default described
        /// with its property.
        public init(
            version: VersionInfo = VersionInfo(qemu: Configuration.projectVersion, package: "swift-qapi"),
            productName: String = "swift-qapi",
            policy: QMPDispatchPolicy = QMPDispatchPolicy(),
            shutdownFlushTimeout: Double = 3,
            extraCommands: @escaping @Sendable (inout QMPCommandRegistry, any QMPEventSink) -> Void = { _, _ in }
        ) {
            self.version = version
            self.productName = productName
            self.policy = policy
            self.shutdownFlushTimeout = shutdownFlushTimeout
            self.extraCommands = extraCommands
        }

        /// The human monitor's banner.
        var banner: String {
            let triple = version.qemu
            return "\(productName) \(triple.major).\(triple.minor).\(triple.micro) monitor - "
                + "type 'help' for more information"
        }
    }
}
