extension QMPConnection {
    /// When connecting tries again: a just-started QEMU may not have made
    /// its socket yet, and a socket that is missing (`ENOENT`) or refuses
    /// (`ECONNREFUSED`) is tried again every 20 ms.
    public struct ConnectRetry: Sendable, Hashable {
        /// The process that will serve the socket.
        public let processID: Int32
        /// How long to keep trying.
        public let duration: Duration

        /// Tries again while process `pid` exists (checked with
        /// `kill(pid, 0)`; a zombie counts until it is reaped), for at
        /// most `duration`.
        public static func whileProcessAlive(pid: Int32, for duration: Duration) -> ConnectRetry {
            ConnectRetry(processID: pid, duration: duration)
        }
    }
}
