#if os(Linux)
import Glibc

/// What a handler delivered by an ``EPollReactor`` thread can ask of that
/// thread.
package enum ReactorThread {
    /// Runs `work` on this thread once the current delivery is over, off
    /// the watch's queue, before the thread waits for readiness again;
    /// returns false, running nothing, on a thread that is not a reactor's.
    ///
    /// It lets the code that learns of work on the I/O queue (a request
    /// ready for a dispatcher) start that work on the thread it runs on,
    /// without waking another one, and without holding the queue while the
    /// work runs. The reactor keeps another thread waiting meanwhile.
    package static func afterDelivery(_ work: @escaping () -> Void) -> Bool {
        guard let deferred = DeferredWork.current else { return false }
        deferred.items.append(work)
        return true
    }
}

/// The work a reactor thread runs after its current delivery; one per
/// reactor thread, found through a thread-specific key, touched only by
/// that thread.
final class DeferredWork {
    /// The work, in the order it was asked for.
    var items: [() -> Void] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    /// This thread's list; nil on a thread that is not a reactor's.
    static var current: DeferredWork? {
        pthread_getspecific(key).map { Unmanaged<DeferredWork>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Makes this list the calling thread's, for the thread's life (the
    /// reactor keeps the list alive).
    func install() {
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs the work asked for, including work asked for meanwhile.
    func runAll() {
        while !items.isEmpty {
            items.removeFirst()()
        }
    }
}
#else
/// What a handler delivered by a Dispatch source can ask of its thread:
/// nothing (Dispatch owns the thread).
package enum ReactorThread {
    /// Returns false: Dispatch sources run handlers on Dispatch's threads.
    package static func afterDelivery(_ work: @escaping () -> Void) -> Bool {
        false
    }
}
#endif
