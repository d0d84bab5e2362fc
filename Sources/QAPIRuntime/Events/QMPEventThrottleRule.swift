/// How one event is throttled (spec E4).
public struct QMPEventThrottleRule: Sendable, Hashable {
    /// A data member and value for which the event is not throttled.
    public struct Exemption: Sendable, Hashable {
        /// The member of `data`.
        public var member: String
        /// The string value that exempts the event.
        public var value: String

        /// An exemption for events whose `data.member` is `value`.
        public init(member: String, value: String) {
            self.member = member
            self.value = value
        }
    }

    /// The minimum time between two sends for one key.
    public var interval: Duration
    /// The member of `data` whose string value is part of the key, so
    /// that each value is throttled on its own; nil to key by name only.
    public var keyMember: String?
    /// When the event bypasses throttling; nil for never.
    public var exemption: Exemption?

    /// A rule; QEMU's rate is one second.
    public init(interval: Duration = .seconds(1), keyMember: String? = nil, exemption: Exemption? = nil) {
        self.interval = interval
        self.keyMember = keyMember
        self.exemption = exemption
    }

    /// QEMU 10.0's table, by event name: every rate one second.
    public static let qemu10: [String: QMPEventThrottleRule] = [
        "RTC_CHANGE": QMPEventThrottleRule(),
        "BLOCK_IO_ERROR": QMPEventThrottleRule(
            keyMember: "qom-path", exemption: Exemption(member: "action", value: "stop")),
        "WATCHDOG": QMPEventThrottleRule(),
        "BALLOON_CHANGE": QMPEventThrottleRule(),
        "QUORUM_REPORT_BAD": QMPEventThrottleRule(keyMember: "node-name"),
        "QUORUM_FAILURE": QMPEventThrottleRule(),
        "VSERPORT_CHANGE": QMPEventThrottleRule(keyMember: "id"),
        "MEMORY_DEVICE_SIZE_CHANGE": QMPEventThrottleRule(keyMember: "qom-path"),
        "HV_BALLOON_STATUS_REPORT": QMPEventThrottleRule(),
    ]

    /// Whether an event with `data` bypasses this rule.
    func exempts(_ data: JSONObject?) -> Bool {
        guard let exemption, case .string(let value)? = data?[exemption.member] else { return false }
        return UTF8Bytes.equal(value, exemption.value)
    }
}
