import QAPIRuntime

/// A set of events as one type: generated code conforms an enum with one
/// case per event of the schema and a case `unknown(name: String, data:
/// JSONObject?)` for everything else, and `QMPConnection.events(as:)`
/// delivers it.
///
/// Building one never fails: an event this build does not know, or whose
/// data does not decode, becomes `unknown`. A conformance reads the data
/// with `QMPEventMessage.decodeData(as:options:)`, which reports data
/// that does not decode to the drift handler:
///
/// ```swift
/// init(decoding message: QMPEventMessage, options: QAPIDecodingOptions) {
///     switch message.name {
///     case Events.Shutdown.name:
///         if let event = message.decodeData(as: Events.Shutdown.self, options: options) {
///             self = .shutdown(event)
///             return
///         }
///     default:
///         break
///     }
///     self = .unknown(name: message.name, data: message.data)
/// }
/// ```
public protocol QMPEventSet: Sendable {
    /// The value for `message`; `options` decode its data tolerantly.
    init(decoding message: QMPEventMessage, options: QAPIDecodingOptions)
}

extension QMPEventMessage {
    /// The event's data decoded as `Event` (an event without `data` is read
    /// from `{}`), or nil when it does not decode; the failure then goes
    /// to `options.driftHandler` as `.undecodable`, with its path.
    public func decodeData<Event: QAPIDecodable>(as type: Event.Type, options: QAPIDecodingOptions) -> Event? {
        do {
            return try QAPIDecoder.decode(Event.self, from: .object(data ?? JSONObject()), options: options)
        } catch {
            options.driftHandler?(QAPIDrift(kind: .undecodable(error.qmpError.desc), path: error.path))
            return nil
        }
    }
}
