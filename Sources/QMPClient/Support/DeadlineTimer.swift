import Dispatch
import QAPIRuntime

/// Runs actions at their deadlines, with a single Dispatch timer armed
/// for the earliest one.
///
/// One per connection: every call with a timeout registers here and
/// unregisters when it ends, so a finished call holds no memory until its
/// deadline (a `DispatchQueue.asyncAfter` per call would keep each one
/// alive until then). Entries are few (the calls waiting right now), so
/// finding the due ones is a scan.
///
/// The timer's handler holds the state, not the timer (no weak reference:
/// it would outlive a closed connection in the leak checker's eyes); the
/// cycle state -> source -> handler -> state is broken by `shutDown()`,
/// which the connection's end and `deinit` call.
final class DeadlineTimer: Sendable {
    private struct Entry {
        var deadline: DispatchTime
        var action: @Sendable () -> Void
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextToken: UInt64 = 0
        /// The timer, made on first use.
        var source: (any DispatchSourceTimer)?
        /// When the timer fires next; nil when it is not armed.
        var armedFor: DispatchTime?
        var isShutDown = false
    }

    private let queue: DispatchQueue
    private let state = QAPILock(State())

    /// A timer whose actions run on `queue`.
    init(queue: DispatchQueue) {
        self.queue = queue
    }

    deinit {
        shutDown()
    }

    /// Runs `action` once `delay` has passed, unless cancelled first;
    /// returns the token to cancel it with. After `shutDown()` nothing is
    /// scheduled and the token is inert.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> UInt64 {
        let deadline = DispatchTime.now() + delay.dispatchInterval
        return state.withLock { state in
            state.nextToken += 1
            guard !state.isShutDown else { return state.nextToken }
            state.entries[state.nextToken] = Entry(deadline: deadline, action: action)
            if state.armedFor.map({ deadline < $0 }) ?? true {
                Self.arm(&state, for: deadline, lock: self.state, queue: queue)
            }
            return state.nextToken
        }
    }

    /// Forgets the action of `token` (nothing happens if it already ran).
    func cancel(_ token: UInt64) {
        state.withLock { state in _ = state.entries.removeValue(forKey: token) }
    }

    /// Forgets every action and stops the timer for good.
    func shutDown() {
        state.withLock { state in
            state.isShutDown = true
            state.entries = [:]
            state.source?.cancel()
            state.source = nil
        }
    }

    /// Sets the timer to fire at `deadline`, making it on first use; `lock`
    /// guards `state`.
    private static func arm(
        _ state: inout State, for deadline: DispatchTime, lock: QAPILock<State>, queue: DispatchQueue
    ) {
        let source: any DispatchSourceTimer
        if let existing = state.source {
            source = existing
        } else {
            source = DispatchSource.makeTimerSource(queue: queue)
            source.setEventHandler { fire(lock, queue: queue) }
            source.activate()
            state.source = source
        }
        source.schedule(deadline: deadline, leeway: .milliseconds(1))
        state.armedFor = deadline
    }

    /// Runs the due actions and re-arms for the next deadline.
    private static func fire(_ lock: QAPILock<State>, queue: DispatchQueue) {
        let due: [@Sendable () -> Void] = lock.withLock { state in
            state.armedFor = nil
            let now = DispatchTime.now()
            var due: [@Sendable () -> Void] = []
            var next: DispatchTime?
            var expired: [UInt64] = []
            for (token, entry) in state.entries {
                if entry.deadline <= now {
                    due.append(entry.action)
                    expired.append(token)
                } else if next.map({ entry.deadline < $0 }) ?? true {
                    next = entry.deadline
                }
            }
            for token in expired { state.entries[token] = nil }
            if let next, !state.isShutDown { arm(&state, for: next, lock: lock, queue: queue) }
            return due
        }
        for action in due { action() }
    }
}
