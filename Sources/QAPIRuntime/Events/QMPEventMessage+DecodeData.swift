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
