/// One command as the dispatcher sees it: its name, its schema options
/// and the closure that decodes its arguments, runs its handler and
/// encodes its result.
public struct QMPCommand: Sendable {
    /// How the command runs.
    public enum Body: Sendable {
        /// Runs on the dispatcher, one command at a time, in order.
        /// `MonitorServer` starts it on the thread that read the request;
        /// it may suspend or even hold that thread, while other threads
        /// serve out-of-band requests and other monitors.
        ///
        /// It receives the request's `arguments` (`{}` when absent,
        /// spec R9) and the compat policy, and returns the `return` value
        /// (`{}` for a command without `returns`, spec R10).
        case inBand(@Sendable (JSONObject, QAPICompatPolicy) async throws(QMPError) -> JSONValue)
        /// Runs at once on the I/O side, synchronously: the body of an
        /// `allow-oob` command. Same arguments and result as `inBand`.
        case outOfBand(@Sendable (JSONObject, QAPICompatPolicy) throws(QMPError) -> JSONValue)
        /// `query-qmp-schema`: takes no arguments and is answered by the
        /// registry with `QMPCommandRegistry.introspection()`, the schema
        /// of exactly the commands it serves.
        case schemaQuery
    }

    /// The command's wire name.
    public let name: String
    /// The command's schema options.
    public let flags: QMPCommandFlags
    /// The command's own special features (`deprecated`, `unstable`),
    /// which the compat policy acts on (spec R6).
    public let features: QAPIFeatures
    /// The introspection data of the schema that describes the command,
    /// if any: `query-qmp-schema` lists the command from it.
    public let schema: QMPSchemaIntrospection?
    /// The command's body.
    public let body: Body

    /// A command. An `allow-oob` command must have an `.outOfBand` body,
    /// since `exec-oob` runs it synchronously on the I/O side.
    public init(
        name: String, flags: QMPCommandFlags = [], features: QAPIFeatures = [],
        schema: QMPSchemaIntrospection? = nil, body: Body
    ) {
        if flags.contains(.allowOOB), case .inBand = body {
            preconditionFailure("allow-oob command '\(name)' needs an .outOfBand body")
        }
        self.name = name
        self.flags = flags
        self.features = features
        self.schema = schema
        self.body = body
    }
}
