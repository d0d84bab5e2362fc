import QAPIRuntime

/// A monitor: a chardev frontend that a `MonitorServer` lists and its
/// dispatcher serves (QEMU's `Monitor`). `ControlMonitor` speaks QMP,
/// `HumanMonitor` the line-based human monitor.
///
/// Apart from the constant properties, everything here runs on the
/// server's I/O queue, which confines each monitor's mutable state.
protocol Monitor: AnyObject, Sendable {
    /// The monitor's id: always set for QMP monitors (generated when none
    /// was given), set for human monitors only when given (spec H6).
    var id: String? { get }
    /// The protocol the monitor speaks.
    var mode: MonitorServer.MonitorMode { get }
    /// The id of the chardev the monitor serves.
    var chardevID: String { get }

    /// Whether the dispatcher has a request of this monitor to take.
    var hasWork: Bool { get }
    /// Takes the next request for the dispatcher, carrying out what the
    /// monitor does by itself on the way; nil when it answered the request
    /// itself (or there was none).
    func takeJob() -> DispatcherJob?
    /// Takes the monitor out of service (spec H4, H5): its client is
    /// dropped, once the response being served is written if there is one,
    /// and the chardev is released.
    func remove()
    /// Starts closing the client's connection for shutdown, after the
    /// output written so far; returns whether a `chardevClosed` will follow
    /// that the server should wait for.
    func beginShutdown() -> Bool
    /// Releases the chardev at the end of shutdown.
    func detach()
}

/// One request the dispatcher runs, one at a time, for all monitors
/// (spec Q3).
enum DispatcherJob: Sendable {
    /// A QMP request, to run with the command registry and report back
    /// with `ControlMonitor.finish(_:)`.
    case control(ControlMonitor, QMPRequest)
    /// A human-monitor command line, to run and report back with
    /// `HumanMonitor.finish(output:)`.
    case human(HumanMonitor, String)
}
