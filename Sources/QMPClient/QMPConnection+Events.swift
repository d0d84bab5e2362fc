import QAPIRuntime

extension QMPConnection {
    /// Every event that arrives from now on, as sent (name, data,
    /// timestamp).
    ///
    /// Each stream gets every event; streams are independent. The first
    /// stream a connection makes starts with the events that arrived
    /// before it (from the start of the connection, up to
    /// `options.eventBufferLimit`), so a program that subscribes right
    /// after `connect` misses nothing. A stream buffers up to
    /// `options.eventBufferLimit` events; while it is full the connection
    /// waits for its consumer, and one that takes nothing for
    /// `options.eventStallTimeout` ends with
    /// `QMPClientError.eventBufferOverflow` after the buffered events.
    /// When the connection ends the stream ends with
    /// `QMPClientError.disconnected(reason)`, or normally after `close()`.
    /// Dropping the stream, or cancelling the task that iterates it,
    /// unsubscribes; a stream that is kept but no longer read counts as
    /// a stalled consumer once it is full.
    public func events() -> AsyncThrowingStream<QMPEventMessage, any Error> {
        stream(accepting: { _ in true }, decode: { $0 })
    }

    /// Every `Event` that arrives from now on, decoded tolerantly. An event
    /// whose data does not decode is skipped and reported to
    /// `options.driftHandler`; it never ends the stream. Buffering and
    /// ending are as for `events()`.
    public func events<Event: QMPEvent & QAPIDecodable>(_ type: Event.Type) -> AsyncThrowingStream<Event, any Error> {
        let driftHandler = options.driftHandler
        return stream(accepting: { $0.name == Event.name }) { message in
            message.decodeData(
                as: Event.self,
                options: DriftReporting.options(origin: message.name, root: "data", handler: driftHandler))
        }
    }

    /// Every event that arrives from now on, as a value of `EventSet`
    /// (events this build does not know included, as the set's `unknown`
    /// case). Buffering and ending are as for `events()`.
    public func events<EventSet: QMPEventSet>(as type: EventSet.Type) -> AsyncThrowingStream<EventSet, any Error> {
        let driftHandler = options.driftHandler
        return stream(accepting: { _ in true }) { message in
            EventSet(
                decoding: message,
                options: DriftReporting.options(origin: message.name, root: "data", handler: driftHandler))
        }
    }

    /// A stream of the events `accepts` lets through (checked as they
    /// arrive), turned into elements by `decode` (on the consuming task,
    /// as they are taken; nil skips one), subscribed before it returns.
    private func stream<Element: Sendable>(
        accepting accepts: @escaping @Sendable (QMPEventMessage) -> Bool,
        decode: @escaping @Sendable (QMPEventMessage) -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let subscription = core.subscribeStream(accepting: accepts)
        return AsyncThrowingStream {
            while let message = try await subscription.buffer.next() {
                if let element = decode(message) { return element }
            }
            return nil
        }
    }
}
