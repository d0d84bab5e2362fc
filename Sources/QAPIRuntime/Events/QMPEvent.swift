/// An event of the schema: generated code makes one type per event.
public protocol QMPEvent: Sendable {
    /// The event's wire name, `SHUTDOWN` for example.
    static var name: String { get }
    /// The `data` member: the event's members in schema order, or nil for
    /// an event without data members (spec E1).
    func eventData() -> JSONObject?
}
