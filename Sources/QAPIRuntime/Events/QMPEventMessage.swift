/// An event as it goes out: name, data and time (spec E1).
public struct QMPEventMessage: Sendable, Hashable {
    /// The event name.
    public var name: String
    /// The `data` member; nil for an event without data members.
    public var data: JSONObject?
    /// When the event happened.
    public var timestamp: QMPTimestamp

    /// A message from its parts.
    public init(name: String, data: JSONObject?, timestamp: QMPTimestamp) {
        self.name = name
        self.data = data
        self.timestamp = timestamp
    }

    /// The message for `event` at `timestamp`.
    public init<Event: QMPEvent>(_ event: Event, timestamp: QMPTimestamp) {
        self.init(name: Event.name, data: event.eventData(), timestamp: timestamp)
    }

    /// The wire form, `{"timestamp": {…}, "event": NAME, "data": {…}}`,
    /// without `data` when there is none.
    ///
    /// Members are in QEMU's insertion order; write it with
    /// `JSONWriter(memberOrder: .qdict)` to get QEMU's bytes (spec T4).
    public var json: JSONValue {
        var object = JSONObject()
        object.appendNew("event", .string(name))
        object.appendNew("timestamp", timestamp.json)
        if let data { object.appendNew("data", .object(data)) }
        return .object(object)
    }
}
