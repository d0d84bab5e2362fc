import QAPIRuntime

/// Someone who receives the connection's events: a stream, or a call
/// waiting for the event that says it is done.
struct EventSubscriber: Sendable {
    /// Identifies the subscriber for `EventSubscribers.remove(_:)`.
    let token: UInt64
    /// Takes one event; returns false when the subscriber wants no more.
    let deliver: @Sendable (QMPEventMessage) -> Bool
    /// Told once that the connection ended: nil after `close()`, else the
    /// error that says why.
    let end: @Sendable (QMPClientError?) -> Void
}

/// The subscribers of one connection, in the order they subscribed.
struct EventSubscribers {
    /// Everyone subscribed now.
    private(set) var all: [EventSubscriber] = []
    private var lastToken: UInt64 = 0

    /// Adds a subscriber; returns its token.
    mutating func add(
        deliver: @escaping @Sendable (QMPEventMessage) -> Bool,
        end: @escaping @Sendable (QMPClientError?) -> Void
    ) -> UInt64 {
        lastToken += 1
        all.append(EventSubscriber(token: lastToken, deliver: deliver, end: end))
        return lastToken
    }

    /// Removes the subscriber of `token`, if still there.
    mutating func remove(_ token: UInt64) {
        all.removeAll { $0.token == token }
    }

    /// Removes and returns everyone.
    mutating func removeAll() -> [EventSubscriber] {
        defer { all = [] }
        return all
    }
}
