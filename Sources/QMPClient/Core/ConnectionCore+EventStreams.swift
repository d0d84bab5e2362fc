import QAPIRuntime

/// An event stream's hold on its connection: its buffer, and its place
/// among the subscribers, which it gives up when the stream is dropped.
final class EventStreamSubscription: Sendable {
    /// The events the stream's consumer has not taken yet.
    let buffer: EventStreamBuffer<QMPEventMessage>
    private let core: ConnectionCore
    private let token: UInt64

    fileprivate init(buffer: EventStreamBuffer<QMPEventMessage>, core: ConnectionCore, token: UInt64) {
        self.buffer = buffer
        self.core = core
        self.token = token
    }

    deinit {
        core.unsubscribe(token)
        buffer.terminate()
    }
}

extension ConnectionCore {
    /// Subscribes an event stream that takes the events `accepts` lets
    /// through. The first stream of a connection starts with the events
    /// that came before it (see `ConnectionState.backlog`). When the
    /// connection has ended, the stream ends at once with the reason.
    func subscribeStream(accepting accepts: @escaping @Sendable (QMPEventMessage) -> Bool) -> EventStreamSubscription {
        let token = state.withLock { $0.subscribers.newToken() }
        // Holds the core strongly, with no weak reference: the core holds
        // this buffer only while the stream is subscribed, and the
        // subscription, which holds the core anyway, unsubscribes when it
        // is dropped, so the cycle never outlives the stream. (A weak
        // reference gives the core a side table that LeakSanitizer, in
        // the client fuzz target, reported as a leak while the core was
        // still tearing down.)
        let buffer = EventStreamBuffer<QMPEventMessage>(limit: eventBufferLimit) {
            self.streamHasRoom(token)
        }
        let subscriber = EventSubscriber(
            token: token,
            deliver: { message in
                guard accepts(message) else { return .taken }
                switch buffer.push(message) {
                case .taken: return .taken
                case .full: return .full
                case .ended: return .unsubscribe
                }
            },
            end: { error in buffer.finish(throwing: error) },
            isFull: { buffer.isFull })
        let endReason: QMPClientError.DisconnectReason? = state.withLock { state in
            if let reason = state.endReason { return reason }
            // Under the lock, so that the backlog comes before any event
            // read after it.
            if let backlog = state.backlog {
                state.backlog = nil
                for message in backlog where accepts(message) { _ = buffer.push(message) }
            }
            state.subscribers.add(subscriber)
            return nil
        }
        if let endReason { buffer.finish(throwing: Self.streamError(endReason)) }
        return EventStreamSubscription(buffer: buffer, core: self, token: token)
    }

    /// Holds up reading while any of the streams of `tokens` has a full
    /// buffer, for at most `eventStallTimeout` (on the channel's queue).
    func holdReading(for tokens: [UInt64]) {
        state.withLock { state in
            guard state.endReason == nil else { return }
            for token in tokens where state.subscribers.subscriber(token)?.isFull() == true {
                state.fullStreams.insert(token)
            }
            guard !state.fullStreams.isEmpty, state.stallTimer == nil else { return }
            channel.watchReadability(false)
            state.stallTimer = timer.schedule(after: eventStallTimeout) { [weak self] in
                self?.endStalledStreams()
            }
        }
    }

    /// Whether reading waits for a stream's consumer.
    var isReadingHeld: Bool {
        state.withLock { !$0.fullStreams.isEmpty }
    }

    /// Notes that the consumer of the stream of `token` made room (or
    /// stopped); reading goes on once no stream is full.
    private func streamHasRoom(_ token: UInt64) {
        let resume = state.withLock { state in
            state.fullStreams.remove(token) != nil && releaseHold(&state)
        }
        if resume { resumeReading() }
    }

    /// Ends the streams whose consumers took nothing for
    /// `eventStallTimeout`, after their buffered events, with
    /// `eventBufferOverflow`; reading goes on.
    private func endStalledStreams() {
        let stalled: [EventSubscriber] = state.withLock { state in
            state.stallTimer = nil
            let stalled = state.fullStreams.compactMap { state.subscribers.subscriber($0) }
            for subscriber in stalled { state.subscribers.remove(subscriber.token) }
            state.fullStreams = []
            return stalled
        }
        for subscriber in stalled { subscriber.end(.eventBufferOverflow(limit: eventBufferLimit)) }
        resumeReading()
    }

    /// Ends the hold once no stream is full; true when reading should go
    /// on.
    func releaseHold(_ state: inout ConnectionState) -> Bool {
        guard state.fullStreams.isEmpty, let stallTimer = state.stallTimer else { return false }
        timer.cancel(stallTimer)
        state.stallTimer = nil
        return state.endReason == nil
    }

    /// Turns reading back on and reads what waited.
    func resumeReading() {
        channel.watchReadability(true)
        channel.queue.async { [self] in readAvailable() }
    }
}
