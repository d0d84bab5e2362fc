import QAPIRuntime

/// The queue between the connection's reader and one event stream's
/// consumer.
///
/// The reader pushes; the consumer pulls with `next()`. The buffer never
/// drops an element: `push` reports when it holds `limit` or more, so the
/// reader can stop reading the socket until the consumer catches up, and
/// `hasRoom` is called once the consumer brought it back under `limit`.
final class EventStreamBuffer<Element: Sendable>: Sendable {
    /// What `push` did.
    enum PushOutcome {
        /// Taken; there is room for more.
        case taken
        /// Taken; the buffer is full now.
        case full
        /// The stream has ended: its consumer stopped, or it was finished.
        case ended
    }

    private struct State {
        var elements: [Element] = []
        /// The index of the next element to hand out.
        var head = 0
        /// The consumer, waiting for an element or the end.
        var waiter: CheckedContinuation<Void, Never>?
        /// How the stream ends once the buffered elements are taken: nil
        /// while it goes on, `.success` for a normal end.
        var ending: Result<Void, any Error>?
        /// Whether the consumer stopped: no more elements are wanted.
        var isTerminated = false
        /// Whether a push found the buffer full and the consumer has not
        /// brought it back under the limit yet.
        var reportedFull = false

        var count: Int { elements.count - head }

        /// Takes the waiting consumer, to be resumed outside the lock.
        mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
            defer { waiter = nil }
            return waiter
        }
    }

    private let state = QAPILock(State())
    private let limit: Int
    private let hasRoom: @Sendable () -> Void

    /// A buffer that reports itself full at `limit` elements and calls
    /// `hasRoom` when the consumer brings it back under that.
    init(limit: Int, hasRoom: @escaping @Sendable () -> Void) {
        self.limit = max(1, limit)
        self.hasRoom = hasRoom
    }

    /// Adds `element` for the consumer.
    func push(_ element: Element) -> PushOutcome {
        let (outcome, waiter): (PushOutcome, CheckedContinuation<Void, Never>?) = state.withLock { state in
            guard !state.isTerminated, state.ending == nil else { return (.ended, nil) }
            state.elements.append(element)
            let full = state.count >= limit
            if full { state.reportedFull = true }
            return (full ? .full : .taken, state.takeWaiter())
        }
        waiter?.resume()
        return outcome
    }

    /// Whether the buffer holds `limit` elements or more, for a stream
    /// that goes on.
    var isFull: Bool {
        state.withLock { !$0.isTerminated && $0.ending == nil && $0.count >= limit }
    }

    /// Ends the stream after the buffered elements: normally when `error`
    /// is nil, else by throwing it. Later calls change nothing.
    func finish(throwing error: (any Error)? = nil) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.ending == nil else { return nil }
            state.ending = error.map { .failure($0) } ?? .success(())
            return state.takeWaiter()
        }
        waiter?.resume()
    }

    /// Stops the stream for good: the consumer wants no more elements.
    func terminate() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.isTerminated = true
            state.elements = []
            state.head = 0
            return state.takeWaiter()
        }
        waiter?.resume()
        hasRoom()
    }

    /// The next element, waiting for one; nil at a normal end, or once the
    /// consuming task is cancelled (which ends the stream).
    func next() async throws -> Element? {
        while true {
            if let ready = try take() { return ready.element }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let readyNow = state.withLock { state in
                        if state.isTerminated || state.count > 0 || state.ending != nil { return true }
                        state.waiter = continuation
                        return false
                    }
                    if readyNow { continuation.resume() }
                }
            } onCancel: {
                terminate()
            }
        }
    }

    /// A buffered element or the end, wrapped (the end is a nil element);
    /// nil when there is neither yet.
    private func take() throws -> (element: Element?, Void)? {
        let (taken, roomMade) = state.withLock { state -> (Result<Element?, any Error>?, Bool) in
            if state.isTerminated { return (.success(nil), false) }
            guard state.count > 0 else {
                guard let ending = state.ending else { return (nil, false) }
                state.isTerminated = true
                return (ending.map { nil }, false)
            }
            let element = state.elements[state.head]
            state.head += 1
            if state.head == state.elements.count {
                state.elements.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 1024 && state.head * 2 >= state.elements.count {
                state.elements.removeFirst(state.head)
                state.head = 0
            }
            let roomMade = state.reportedFull && state.count < limit
            if roomMade { state.reportedFull = false }
            return (.success(element), roomMade)
        }
        if roomMade { hasRoom() }
        guard let taken else { return nil }
        return (try taken.get(), ())
    }
}
