/// The server's state that belongs to the I/O queue: the monitor list and
/// the progress of shutdown.
///
/// `@unchecked Sendable`: every property is read and written only on the
/// server's serial I/O queue.
final class MonitorTable: @unchecked Sendable {
    /// The monitors in `mon_list` order.
    var list = MonitorList()
    /// Set when shutdown begins: new connections are closed at once.
    var isShuttingDown = false
    /// The monitors whose connections shutdown waits to see closed.
    var awaitingClose: Set<ObjectIdentifier> = []
    /// Resumed once `awaitingClose` is empty (or the wait timed out).
    var closeWaiter: CheckedContinuation<Void, Never>?

    /// Resumes the shutdown waiter, once.
    func releaseCloseWaiter() {
        closeWaiter?.resume()
        closeWaiter = nil
    }
}
