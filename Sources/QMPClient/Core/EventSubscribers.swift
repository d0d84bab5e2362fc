import QAPIRuntime

/// What a subscriber did with an event.
enum EventUptake {
    /// Taken (or passed over); more are welcome.
    case taken
    /// Taken; the subscriber's buffer is full, so the reader should wait
    /// for its consumer before reading on.
    case full
    /// The subscriber wants no more events.
    case unsubscribe
}

/// Someone who receives the connection's events: a stream, or a call
/// waiting for the event that says it is done.
struct EventSubscriber: Sendable {
    /// Identifies the subscriber for `EventSubscribers.remove(_:)`.
    let token: UInt64
    /// Takes one event.
    let deliver: @Sendable (QMPEventMessage) -> EventUptake
    /// Told once that the subscription ended: nil after `close()`, else
    /// the error that says why.
    let end: @Sendable (QMPClientError?) -> Void
    /// Whether the subscriber's buffer is still full (a stream's; a call
    /// that waits is never full).
    let isFull: @Sendable () -> Bool
}

/// The subscribers of one connection, in the order they subscribed.
struct EventSubscribers {
    /// Everyone subscribed now.
    private(set) var all: [EventSubscriber] = []
    private var lastToken: UInt64 = 0

    /// A token no subscriber has had.
    mutating func newToken() -> UInt64 {
        lastToken += 1
        return lastToken
    }

    /// Adds a subscriber.
    mutating func add(_ subscriber: EventSubscriber) {
        all.append(subscriber)
    }

    /// The subscriber of `token`, if still there.
    func subscriber(_ token: UInt64) -> EventSubscriber? {
        all.first { $0.token == token }
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
