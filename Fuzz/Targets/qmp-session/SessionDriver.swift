import QAPIRuntime
import QMPMonitor
import QMPMonitorSchema

/// Plays a monitor's owner for one `QMPSession`, as `MonitorServer` does
/// but without I/O or threads: it feeds client bytes while input is not
/// suspended, carries out the actions in order, runs out-of-band
/// requests at once and in-band ones when the dispatcher takes a step,
/// and checks every action as it goes.
struct SessionDriver {
    private(set) var session: QMPSession
    private let registry: QMPCommandRegistry
    private let policy: QMPDispatchPolicy
    private let effects: SideEffects
    /// Bytes the client sent that the session has not consumed yet.
    private(set) var unread: [UInt8] = []
    /// The request of the last `.runInBand`, until it is finished.
    private(set) var running: QMPRequest?
    /// Whether the connection is open (from `opened()` to `.close` or
    /// `closed()`).
    private(set) var isConnected = false
    /// Whether the last suspension action was `.suspend`.
    private var suspended = false
    /// Whether the next write must be the greeting.
    private var expectsGreeting = false

    /// A driver for a session with `configuration` and the project's
    /// commands, with stand-in bodies, run under `policy`.
    init(configuration: QMPSession.Configuration, policy: QMPDispatchPolicy) {
        session = QMPSession(configuration: configuration)
        effects = Self.effects
        registry = Self.registry
        self.policy = policy
    }

    /// The side effects of the stand-in commands, shared by every run
    /// (each run takes them all).
    private static let effects = SideEffects()

    /// The commands, registered once for every run (as `MonitorServer`
    /// does, and so `query-qmp-schema` computes its answer once), plus
    /// `x-echo-oob`, an `allow-oob` command that echoes its arguments, so
    /// that out-of-band requests run (the project's schema has no
    /// `allow-oob` command).
    private static let registry: QMPCommandRegistry = {
        var registry = QMPCommandRegistry()
        Commands.register(StandInCommandHandler(effects: effects), into: &registry)
        registry.register(
            QMPCommand(name: "x-echo-oob", flags: .allowOOB, body: .outOfBand { arguments, _ in .object(arguments) }))
        return registry
    }()

    /// A client connects.
    mutating func connect() {
        fuzzCheck(!isConnected, "connect while connected")
        unread = []
        isConnected = true
        expectsGreeting = true
        perform(session.opened())
        fuzzCheck(!expectsGreeting, "opened() wrote no greeting")
    }

    /// The client disconnects (spec T7, Q4).
    mutating func disconnect() {
        isConnected = false
        unread = []
        perform(session.closed())
    }

    /// The client sends `bytes`; they are read at once unless input is
    /// suspended.
    mutating func send(_ bytes: ArraySlice<UInt8>) {
        guard isConnected else { return }
        unread += bytes
        _ = read()
    }

    /// Reads unread bytes if input is not suspended; returns whether any
    /// byte was consumed.
    mutating func read() -> Bool {
        guard isConnected, !unread.isEmpty, !session.isSuspended else { return false }
        let result = session.receive(unread)
        fuzzCheck(
            result.consumed > 0 && result.consumed <= unread.count,
            "receive consumed \(result.consumed) of \(unread.count) bytes")
        unread.removeFirst(result.consumed)
        perform(result.actions)
        return true
    }

    /// One step of the dispatcher: finishes the running in-band request,
    /// or takes the next queued item. Returns whether there was work.
    mutating func dispatch() -> Bool {
        if let request = running {
            running = nil
            let registry = registry
            let policy = policy
            let response = synchronously { await registry.dispatch(request, policy: policy) }
            let effects = effects.take()
            for event in effects.events { perform(session.event(event)) }
            if effects.closeRequested { perform(session.closeAfterCurrentResponse()) }
            perform(session.finishInBand(response))
            return true
        }
        guard session.queuedRequestCount > 0 && !session.isServing else { return false }
        perform(session.dequeue())
        return true
    }

    /// Reads and dispatches until nothing is left to do. Input left
    /// unread then means the session is stuck: suspended with nothing
    /// queued or running to resume it.
    mutating func drain() {
        while read() || dispatch() {}
        fuzzCheck(
            !isConnected || unread.isEmpty,
            "stuck: \(unread.count) bytes unread, suspended \(session.isSuspended), \(session.queuedRequestCount) queued"
        )
    }

    /// Carries out `actions` in order, checking each; then the suspension
    /// they reported must be the session's.
    mutating func perform(_ actions: [QMPSessionAction]) {
        carryOut(actions)
        fuzzCheck(suspended == session.isSuspended, "suspension actions disagree with isSuspended")
    }

    /// Carries out `actions` in order, checking each. An out-of-band
    /// request runs at once, its response's actions carried out before
    /// the rest of the list (whose suspension actions are still to come).
    private mutating func carryOut(_ actions: [QMPSessionAction]) {
        for (index, action) in actions.enumerated() {
            switch action {
            case .write(let bytes):
                fuzzCheck(isConnected, "write without a connection: \(String(decoding: bytes, as: UTF8.self))")
                let kind = checkMessage(bytes, pretty: session.configuration.pretty)
                fuzzCheck(
                    (kind == .greeting) == expectsGreeting, "\(kind) message; greeting expected: \(expectsGreeting)")
                expectsGreeting = false
            case .runOutOfBand(let request):
                fuzzCheck(request.isOOB, "runOutOfBand of an in-band request")
                carryOut(session.finishOutOfBand(registry.dispatchOutOfBand(request, policy: policy)))
            case .runInBand(let request):
                fuzzCheck(running == nil && index == actions.count - 1, "runInBand while running, or not last")
                running = request
            case .requestReady:
                break
            case .suspend, .resume:
                fuzzCheck(suspended == (action == .resume), "\(action) when suspended is \(suspended)")
                suspended = action == .suspend
            case .close:
                fuzzCheck(index == actions.count - 1, "close is not the last action")
                fuzzCheck(isConnected, "close without a connection")
                isConnected = false
            }
        }
    }
}
