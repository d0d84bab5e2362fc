import QAPIRuntime

/// A result that is settled once, from any thread, and awaited by tasks.
///
/// The first `settle` wins; later ones report `false` and change nothing,
/// which is how a reply, a timeout, a cancellation and the end of the
/// connection race for one call without a second resumption.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        /// Not settled; the tasks waiting for it (the first kept apart,
        /// so the usual single waiter needs no array).
        case waiting(first: CheckedContinuation<Value, any Error>?, more: [CheckedContinuation<Value, any Error>])
        /// Settled.
        case settled(Result<Value, any Error>)
    }

    private let state = QAPILock(State.waiting(first: nil, more: []))

    /// A result not settled yet.
    init() {}

    /// Settles with `result` and wakes the waiters; returns false when it
    /// was settled already.
    @discardableResult
    func settle(_ result: Result<Value, any Error>) -> Bool {
        let waiters: [CheckedContinuation<Value, any Error>]? = state.withLock { state in
            guard case .waiting(let first, let more) = state else { return nil }
            state = .settled(result)
            return (first.map { [$0] } ?? []) + more
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume(with: result) }
        return true
    }

    /// Waits for the result. `onCancel` runs if the waiting task is
    /// cancelled (at once when it already is); it usually settles with an
    /// error, which ends the wait.
    func value(onCancel: @escaping @Sendable () -> Void) async throws -> Value {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Value, any Error>? = state.withLock { state in
                    switch state {
                    case .settled(let result):
                        return result
                    case .waiting(nil, let more):
                        state = .waiting(first: continuation, more: more)
                    case .waiting(let first?, let more):
                        state = .waiting(first: first, more: more + [continuation])
                    }
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            onCancel()
        }
    }
}
