import Dispatch
import QAPIRuntime

/// What a monitor needs from the server that owns it. `MonitorServer` is
/// the only host; tests of a monitor alone could provide another.
protocol MonitorHost: AnyObject, Sendable {
    /// The I/O queue: chardev callbacks, session input and out-of-band
    /// commands run on it.
    var ioQueue: DispatchQueue { get }
    /// Runs an `exec-oob` request at once, on the I/O queue (spec O2, O3).
    func runOutOfBand(_ request: QMPRequest) -> QMPResponse?
    /// Tells the dispatcher that a monitor has queued work. Called on the
    /// I/O queue.
    func wakeDispatcher()
    /// Whether the server is shutting down: new connections are closed at
    /// once, without a greeting. Read on the I/O queue.
    var isShuttingDown: Bool { get }
    /// A monitor's connection closed while the server shuts down. Called
    /// on the I/O queue.
    func connectionClosedDuringShutdown(_ monitor: any Monitor)
}
