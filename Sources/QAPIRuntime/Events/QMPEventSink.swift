/// Where events go: the monitor core broadcasts them to its monitors
/// (spec E2); tests collect them.
public protocol QMPEventSink: Sendable {
    /// Sends `message`.
    func emit(_ message: QMPEventMessage)
}

extension QMPEventSink {
    /// Sends `event`, stamped with the current wall-clock time.
    public func emit<Event: QMPEvent>(_ event: Event) {
        emit(QMPEventMessage(event, timestamp: .now))
    }
}
