import Dispatch
import QAPIRuntime
import QMPMonitorSchema

/// A QMP server: chardevs, the monitors on them, the commands of the
/// project's schema, event broadcast, and one dispatcher for all monitors
/// (QEMU's monitor core).
///
/// Two sides do the work, as in QEMU. The I/O side, one serial
/// `DispatchQueue`, runs every chardev callback, parses input, answers
/// what sessions answer themselves and runs out-of-band commands. The
/// dispatcher takes in-band requests from the monitors round robin and
/// runs them one at a time (spec Q3), outside the I/O queue: on the
/// thread that read the request when it can, so that a command is read,
/// run and answered without a hand-off between threads. Events handlers
/// emit are written before their response (spec E3).
///
/// The server starts serving when it is created and runs until
/// `shutdown(reason:)` or a `quit` command; `stopped()` waits for the end.
/// Add chardevs with `chardevs` and monitors with `addMonitor`, before or
/// while it runs.
public final class MonitorServer: QMPEventSink, MonitorHost, Sendable {
    /// The settings the server was created with.
    public let configuration: Configuration
    /// The chardevs, shared by all monitors (spec C1).
    public let chardevs: ChardevRegistry
    /// The commands the server serves, for QMP monitors in command mode.
    public let registry: QMPCommandRegistry

    /// The I/O side.
    let ioQueue: DispatchQueue
    /// The monitors, confined to `ioQueue`.
    let table: MonitorTable
    /// The run state (spec S1); changed only together with its event.
    let runStateStore: QAPILock<RunState>
    private let lifecycle = QAPILock(Lifecycle())

    /// Where the server is in its life.
    private struct Lifecycle {
        var shutdownRequested = false
        var isStopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// A running server with no chardev and no monitor yet.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        ioQueue = DispatchQueue(label: "swift-qapi.monitor-io")
        table = MonitorTable(queue: ioQueue)
        chardevs = ChardevRegistry(ioQueue: ioQueue)
        runStateStore = QAPILock(configuration.startsPaused ? .prelaunch : .running)
        let handler = ServerCommandHandler()
        var registry = QMPCommandRegistry()
        Commands.register(handler, into: &registry)
        registry.masksSchemaTypeNames = configuration.masksSchemaTypeNames
        configuration.commands(&registry, handler)
        self.registry = registry
        handler.bind(to: self)
    }

    /// Broadcasts `message` to every QMP monitor in command mode (spec E2,
    /// N6). It is written after anything written before this call, and
    /// before the response of a command that emits it (spec E3).
    public func emit(_ message: QMPEventMessage) {
        ioQueue.async {
            for case let monitor as ControlMonitor in self.table.list.monitors {
                monitor.broadcast(message)
            }
        }
    }

    /// Sends SHUTDOWN (`reason`; `guest` true for a guest's reason) and
    /// stops the server: the
    /// request being run finishes and is answered, every connection
    /// closes once its output is sent, every chardev is closed. Only the
    /// first call (or `quit`) counts.
    public func shutdown(reason: ShutdownReason = .hostSignal) {
        let first = lifecycle.withLock { state in
            defer { state.shutdownRequested = true }
            return !state.shutdownRequested
        }
        guard first else { return }
        emit(Events.Shutdown(guest: reason.isGuestInitiated, reason: ShutdownCause(rawValue: reason.rawValue)))
        ioQueue.async { self.startDispatcher() }
    }

    /// Whether shutdown has been asked for.
    public var isShutdownRequested: Bool {
        lifecycle.withLock { $0.shutdownRequested }
    }

    /// Whether the server has stopped: every connection and chardev is
    /// closed.
    public var isStopped: Bool {
        lifecycle.withLock { $0.isStopped }
    }

    /// Returns once the server has stopped.
    public func stopped() async {
        await withCheckedContinuation { continuation in
            let resumeNow = lifecycle.withLock { state in
                if !state.isStopped { state.stopWaiters.append(continuation) }
                return state.isStopped
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Marks the server stopped and wakes everyone waiting for that.
    func markStopped() {
        let waiters = lifecycle.withLock { state in
            state.isStopped = true
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: MonitorHost

    func runOutOfBand(_ request: QMPRequest) -> QMPResponse? {
        registry.dispatchOutOfBand(request, policy: configuration.policy)
    }

    /// Starts the dispatcher if it is idle; a running one takes the
    /// monitor's job when it is done with its own.
    func wakeDispatcher() {
        startDispatcher()
    }

    var isShuttingDown: Bool {
        table.isShuttingDown
    }

    func connectionClosedDuringShutdown(_ monitor: any Monitor) {
        table.awaitingClose.remove(ObjectIdentifier(monitor))
        if table.awaitingClose.isEmpty { table.releaseCloseWaiter() }
    }

    // MARK: Running on the I/O side

    /// Runs `body` on the I/O queue and returns its result; must not be
    /// called from the I/O queue.
    func onIOQueueSync<Result>(_ body: () -> Result) -> Result {
        dispatchPrecondition(condition: .notOnQueue(ioQueue))
        return ioQueue.sync(execute: body)
    }

    /// Runs `body` on the I/O queue without blocking the caller's thread.
    func onIOQueue<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            ioQueue.async { continuation.resume(returning: body()) }
        }
    }
}
