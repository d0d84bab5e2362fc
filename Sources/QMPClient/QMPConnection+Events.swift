import QAPIRuntime

extension QMPConnection {
    /// Every event that arrives from now on, as sent (name, data,
    /// timestamp).
    ///
    /// Each stream gets every event; streams are independent. A stream
    /// buffers up to `options.eventBufferLimit` events for its consumer;
    /// one that falls further behind ends with
    /// `QMPClientError.eventBufferOverflow` after the buffered events.
    /// When the connection ends the stream ends with
    /// `QMPClientError.disconnected(reason)`, or normally after `close()`.
    /// Stopping the iteration unsubscribes.
    public func events() -> AsyncThrowingStream<QMPEventMessage, any Error> {
        stream { $0 }
    }

    /// Every `Event` that arrives from now on, decoded tolerantly. An event
    /// whose data does not decode is skipped and reported to
    /// `options.driftHandler`; it never ends the stream. Buffering and
    /// ending are as for `events()`.
    public func events<Event: QMPEvent & QAPIDecodable>(_ type: Event.Type) -> AsyncThrowingStream<Event, any Error> {
        let driftHandler = options.driftHandler
        return stream { message in
            guard message.name == Event.name else { return nil }
            return message.decodeData(
                as: Event.self,
                options: DriftReporting.options(origin: message.name, root: "data", handler: driftHandler))
        }
    }

    /// Every event that arrives from now on, as a value of `EventSet`
    /// (events this build does not know included, as the set's `unknown`
    /// case). Buffering and ending are as for `events()`.
    public func events<EventSet: QMPEventSet>(as type: EventSet.Type) -> AsyncThrowingStream<EventSet, any Error> {
        let driftHandler = options.driftHandler
        return stream { message in
            EventSet(
                decoding: message,
                options: DriftReporting.options(origin: message.name, root: "data", handler: driftHandler))
        }
    }

    /// A stream of the events `transform` turns into elements (nil: not
    /// this one), subscribed before it returns.
    private func stream<Element: Sendable>(
        _ transform: @escaping @Sendable (QMPEventMessage) -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let limit = max(1, options.eventBufferLimit)
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: Element.self, throwing: (any Error).self, bufferingPolicy: .bufferingOldest(limit))
        let token = core.subscribe(
            deliver: { message in
                guard let element = transform(message) else { return true }
                switch continuation.yield(element) {
                case .enqueued:
                    return true
                case .dropped:
                    continuation.finish(throwing: QMPClientError.eventBufferOverflow(limit: limit))
                    return false
                case .terminated:
                    return false
                @unknown default:
                    return false
                }
            },
            end: { error in continuation.finish(throwing: error) })
        if let token {
            continuation.onTermination = { [core] _ in core.unsubscribe(token) }
        }
        return stream
    }
}
