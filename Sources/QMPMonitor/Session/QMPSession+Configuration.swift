import QAPIRuntime

extension QMPSession {
    /// What a session is told about its monitor when it is created.
    public struct Configuration: Sendable {
        /// The greeting's `version` member: the `query-version` result,
        /// `{"qemu": {"major": …, "minor": …, "micro": …}, "package": …}`
        /// with members in that order (spec G3).
        public var version: JSONValue
        /// Whether the monitor runs on the I/O side, that is, its chardev
        /// can be driven from there (a socket, not null or ringbuf). Only
        /// then is `oob` offered (spec G2).
        public var usesIOThread: Bool
        /// Whether messages use the pretty layout (spec T3).
        public var pretty: Bool

        /// A configuration; compact layout unless `pretty`.
        public init(version: JSONValue, usesIOThread: Bool, pretty: Bool = false) {
            self.version = version
            self.usesIOThread = usesIOThread
            self.pretty = pretty
        }
    }
}
