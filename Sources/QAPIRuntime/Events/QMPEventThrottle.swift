/// QEMU's event throttle (spec E4) as a state machine without timers:
/// the caller passes the time in and runs `fire(at:)` when
/// `nextDeadline` comes, so any clock can drive it (QEMU uses the
/// virtual clock under qtest).
///
/// Events without a rule pass straight through. For a throttled event
/// the key is its name plus, when the rule says so, one data member. The
/// first event of a key is sent at once and opens a window of the rule's
/// interval; events arriving within the window replace one another, and
/// when the window ends the kept one is sent and a new window opens. A
/// window that ends with nothing kept closes. Throttling is global: one
/// throttle serves all monitors.
public struct QMPEventThrottle<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What events are throttled together.
    private struct Key: Hashable, Sendable {
        var name: ByteKey
        /// The rule's key member's string value; nil when the rule has
        /// none or the event lacks it.
        var member: ByteKey?
    }

    /// An open window of one key.
    private struct Window: Sendable {
        var key: Key
        var interval: Duration
        var deadline: Instant
        /// The latest event that arrived within the window.
        var kept: QMPEventMessage?
    }

    /// The rules, by event name.
    public let rules: [String: QMPEventThrottleRule]
    /// Open windows, in the order they opened.
    private var windows: [Window] = []

    /// A throttle with `rules` (QEMU 10.0's by default).
    public init(rules: [String: QMPEventThrottleRule] = QMPEventThrottleRule.qemu10) {
        self.rules = rules
    }

    /// Offers `message` at time `now`. Returns it when it is to be sent
    /// now; returns nil when it is kept back until its window ends.
    public mutating func submit(_ message: QMPEventMessage, at now: Instant) -> QMPEventMessage? {
        guard let rule = rules[message.name], !rule.exempts(message.data) else { return message }
        let member = rule.keyMember.flatMap { message.data?[$0]?.stringValue }
        let key = Key(name: ByteKey(message.name), member: member.map(ByteKey.init))
        if let position = windows.firstIndex(where: { $0.key == key }) {
            windows[position].kept = message
            return nil
        }
        windows.append(Window(key: key, interval: rule.interval, deadline: now.advanced(by: rule.interval)))
        return message
    }

    /// When the next window ends: the time to call `fire(at:)`; nil when
    /// no window is open.
    public var nextDeadline: Instant? {
        windows.lazy.map(\.deadline).min()
    }

    /// Ends the windows whose deadline is at or before `now`. Returns the
    /// events they kept, to be sent now, in deadline order; each of those
    /// windows opens again from `now`, and the others close.
    public mutating func fire(at now: Instant) -> [QMPEventMessage] {
        let due = windows.indices.filter { windows[$0].deadline <= now }
            .sorted { (windows[$0].deadline, $0) < (windows[$1].deadline, $1) }
        var sent: [QMPEventMessage] = []
        var closed: Set<Int> = []
        for position in due {
            if let kept = windows[position].kept {
                sent.append(kept)
                windows[position].kept = nil
                windows[position].deadline = now.advanced(by: windows[position].interval)
            } else {
                closed.insert(position)
            }
        }
        windows = windows.indices.filter { !closed.contains($0) }.map { windows[$0] }
        return sent
    }
}
