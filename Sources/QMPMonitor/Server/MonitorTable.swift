import Dispatch

/// The server's state that belongs to the I/O queue: the monitor list, the
/// dispatcher's state, and the progress of shutdown.
///
/// `@unchecked Sendable`: every property is `IOQueueBound`, read and
/// written only on the server's serial I/O queue, which every access
/// checks.
final class MonitorTable: @unchecked Sendable {
    /// The monitors in `mon_list` order.
    @IOQueueBound var list: MonitorList
    /// Set when shutdown begins: new connections are closed at once.
    @IOQueueBound var isShuttingDown: Bool
    /// The monitors whose connections shutdown waits to see closed.
    @IOQueueBound var awaitingClose: Set<ObjectIdentifier>
    /// Resumed once `awaitingClose` is empty (or the wait timed out).
    @IOQueueBound var closeWaiter: CheckedContinuation<Void, Never>?
    /// Where the dispatcher is.
    @IOQueueBound var dispatcher: DispatcherState

    /// An empty table bound to `queue`.
    init(queue: DispatchQueue) {
        _list = IOQueueBound(wrappedValue: MonitorList(), queue: queue)
        _isShuttingDown = IOQueueBound(wrappedValue: false, queue: queue)
        _awaitingClose = IOQueueBound(wrappedValue: [], queue: queue)
        _closeWaiter = IOQueueBound(wrappedValue: nil, queue: queue)
        _dispatcher = IOQueueBound(wrappedValue: .idle, queue: queue)
    }

    /// Resumes the shutdown waiter, once.
    func releaseCloseWaiter() {
        closeWaiter?.resume()
        closeWaiter = nil
    }
}

/// Where the server's dispatcher is.
enum DispatcherState {
    /// No job to run; `MonitorServer.startDispatcher()` starts it.
    case idle
    /// Started; about to take its first job.
    case starting
    /// Running a job.
    case running
    /// Stopped for good: shutdown was asked for.
    case stopped
}
