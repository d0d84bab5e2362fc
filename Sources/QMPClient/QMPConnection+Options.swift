import QAPIRuntime

extension QMPConnection {
    /// How a connection is made and behaves.
    public struct Options: Sendable {
        /// Whether to enable out-of-band execution when the server offers
        /// it (`oob`). Enabling it also lets QEMU queue up to 8 in-band
        /// requests instead of reading one at a time.
        public var enableOutOfBand: Bool
        /// How long one connection attempt may take, from opening the
        /// socket to the end of the negotiation.
        public var connectTimeout: Duration
        /// When to try again a socket that is missing or refuses (a server
        /// still starting); nil: never.
        public var retry: ConnectRetry?
        /// How many in-band requests may be on the wire at once (QEMU's
        /// queue holds 8); further calls wait in the client, in order.
        public var maxInFlight: Int
        /// The timeout of calls that give none; nil: they wait until the
        /// reply comes or the connection ends.
        public var defaultTimeout: Duration?
        /// The largest message accepted from the server, in bytes (counted
        /// without whitespace); a larger one ends the connection with
        /// `.disconnected(.messageTooLarge(limit:))`.
        public var maxMessageBytes: Int
        /// How many events each event stream buffers for its consumer.
        /// When a stream's buffer is full the connection stops reading
        /// (replies wait too) until its consumer takes an event, so a
        /// consumer that keeps reading misses nothing, however fast events
        /// come. The first stream made also receives the events that came
        /// before it, from the start of the connection, up to this many.
        public var eventBufferLimit: Int
        /// How long reading waits for a stream whose buffer is full. A
        /// stream whose consumer takes nothing for this long ends with
        /// `QMPClientError.eventBufferOverflow` after its buffered events,
        /// and reading goes on; the connection and other streams are not
        /// affected.
        public var eventStallTimeout: Duration
        /// Hears what tolerant decoding let through (unknown members, enum
        /// values, union branches, undecodable events), with the command
        /// or event as `origin` and the path from `return` or `data`.
        public var driftHandler: (@Sendable (QAPIDrift) -> Void)?

        /// Options; by default OOB when offered, a 10 second connect
        /// timeout, no retry, 8 requests in flight, no call timeout,
        /// 32 MiB messages, 4096 buffered events per stream and a 2
        /// second stall timeout.
        public init(
            enableOutOfBand: Bool = true,
            connectTimeout: Duration = .seconds(10),
            retry: ConnectRetry? = nil,
            maxInFlight: Int = 8,
            defaultTimeout: Duration? = nil,
            maxMessageBytes: Int = 32 << 20,
            eventBufferLimit: Int = 4096,
            eventStallTimeout: Duration = .seconds(2),
            driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil
        ) {
            self.enableOutOfBand = enableOutOfBand
            self.connectTimeout = connectTimeout
            self.retry = retry
            self.maxInFlight = maxInFlight
            self.defaultTimeout = defaultTimeout
            self.maxMessageBytes = maxMessageBytes
            self.eventBufferLimit = eventBufferLimit
            self.eventStallTimeout = eventStallTimeout
            self.driftHandler = driftHandler
        }
    }
}
