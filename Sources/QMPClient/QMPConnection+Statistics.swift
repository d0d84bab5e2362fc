extension QMPConnection {
    /// What a connection received, counted, and the calls it holds at the
    /// moment: for tests and diagnostics.
    public struct Statistics: Sendable, Hashable {
        /// Replies (`return` or `error`) received.
        public var repliesReceived = 0
        /// Replies no call waited for: an unknown or stale id, a
        /// duplicate, or a reply that came after its call timed out or was
        /// cancelled.
        public var repliesDropped = 0
        /// Events received, whether anyone subscribed or not.
        public var eventsReceived = 0
        /// Messages that were neither a reply, an event nor the greeting.
        public var messagesIgnored = 0
        /// Calls sent and not yet answered, timed out or cancelled, when the
        /// statistics were read.
        public var callsOnWire = 0
        /// Calls waiting for a slot (`Options.maxInFlight`), when the
        /// statistics were read.
        public var callsWaiting = 0

        /// Counts from their parts (zero by default).
        public init(
            repliesReceived: Int = 0, repliesDropped: Int = 0, eventsReceived: Int = 0, messagesIgnored: Int = 0,
            callsOnWire: Int = 0, callsWaiting: Int = 0
        ) {
            self.repliesReceived = repliesReceived
            self.repliesDropped = repliesDropped
            self.eventsReceived = eventsReceived
            self.messagesIgnored = messagesIgnored
            self.callsOnWire = callsOnWire
            self.callsWaiting = callsWaiting
        }
    }
}
