import QAPIRuntime

extension MonitorServer {
    /// What a server reports about itself, how it dispatches, and the
    /// commands it serves beyond the core's.
    public struct Configuration: Sendable {
        /// This project's version, which the server reports by default.
        public static let projectVersion = QMPVersion(major: 0, minor: 1, micro: 0, package: "swift-qapi")

        /// The `query-version` result and the greeting's `version` (spec
        /// G3). By default the project's version, package `swift-qapi`.
        public var version: QMPVersion
        /// The name in the human monitor's banner
        /// (`NAME X.Y.Z monitor - type 'help' for more information`).
        public var productName: String
        /// The name `query-name` reports (QEMU's `-name`); nil for none
        /// (spec S7).
        public var name: String?
        /// Whether the server starts paused, in run state `prelaunch`
        /// (QEMU's `-S`), instead of `running` (spec S1).
        public var startsPaused: Bool
        /// The compat policy and whether the machine is ready (spec R6, R8).
        public var policy: QMPDispatchPolicy
        /// Whether `query-qmp-schema` masks type names to numbers; nil (the
        /// default) to mask them unless a schema of the served commands was
        /// generated with `unmask` (`"unmask": true` in its `qapi-gen.json`):
        /// the core's own schema masks them, so the names show when the
        /// embedder's schema asks for it, the core's as well as the
        /// embedder's. True or false decides for every schema.
        public var masksSchemaTypeNames: Bool?
        /// How long shutdown waits, in seconds, for clients to take the
        /// output written before their connections close (a client that
        /// does not read would otherwise hold the server up).
        public var shutdownFlushTimeout: Double
        /// Registers the embedder's commands, after the core's (a command
        /// of the same name replaces the core's; `unregister` removes one).
        /// The sink delivers events to the server's monitors (spec E2, E3).
        public var commands: @Sendable (inout QMPCommandRegistry, any QMPEventSink) -> Void

        /// A configuration; every parameter has the default described
        /// with its property.
        public init(
            version: QMPVersion = Configuration.projectVersion,
            productName: String = "swift-qapi",
            name: String? = nil,
            startsPaused: Bool = false,
            policy: QMPDispatchPolicy = QMPDispatchPolicy(),
            masksSchemaTypeNames: Bool? = nil,
            shutdownFlushTimeout: Double = 3,
            commands: @escaping @Sendable (inout QMPCommandRegistry, any QMPEventSink) -> Void = { _, _ in }
        ) {
            self.version = version
            self.productName = productName
            self.name = name
            self.startsPaused = startsPaused
            self.policy = policy
            self.masksSchemaTypeNames = masksSchemaTypeNames
            self.shutdownFlushTimeout = shutdownFlushTimeout
            self.commands = commands
        }

        /// The human monitor's banner.
        var banner: String {
            "\(productName) \(version.major).\(version.minor).\(version.micro) monitor - "
                + "type 'help' for more information"
        }
    }
}
