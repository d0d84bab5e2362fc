import QAPIRuntime

/// A message from the server, sorted by what it is: events are told
/// apart from replies by their `event` member, whatever order they come
/// in.
enum InboundMessage {
    /// An event.
    case event(QMPEventMessage)
    /// A reply (`return` or `error`), with its id when the id is one of
    /// the integers this client sends.
    case reply(id: Int64?, JSONObject)
    /// The greeting, `{"QMP": …}`.
    case greeting(JSONObject)
    /// Anything else.
    case other

    /// Sorts `value`.
    init(_ value: JSONValue) {
        guard case .object(let object) = value else {
            self = .other
            return
        }
        if case .string(let name)? = object["event"] {
            let timestamp = object["timestamp"]
            self = .event(
                QMPEventMessage(
                    name: name, data: object["data"]?.objectValue,
                    timestamp: QMPTimestamp(
                        seconds: timestamp?["seconds"]?.int64Value ?? 0,
                        microseconds: timestamp?["microseconds"]?.int64Value ?? 0)))
        } else if object.contains(key: "return") || object.contains(key: "error") {
            self = .reply(id: object["id"]?.int64Value, object)
        } else if object.contains(key: "QMP") {
            self = .greeting(object)
        } else {
            self = .other
        }
    }
}
