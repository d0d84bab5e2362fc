#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a `pthread_mutex_t`, for the package's own shared state.
///
/// Chosen over `Synchronization.Mutex` for two reasons: ThreadSanitizer
/// understands pthread mutexes (on Linux with Swift 6.3 it reports every
/// `Mutex.withLock` as a race, which hides real ones), and it needs no
/// recent OS on Apple platforms (`Mutex` needs macOS 15), so every target
/// that links the runtime builds on macOS as on Linux.
///
/// `@unchecked Sendable`: every access to `value` happens inside
/// `withLock`, between `pthread_mutex_lock` and `pthread_mutex_unlock`.
package final class QAPILock<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock guarding `value`.
    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    @inline(__always)
    package func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
