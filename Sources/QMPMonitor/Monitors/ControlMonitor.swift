import Dispatch
import QAPIRuntime
import QMPMonitorSchema

/// A QMP monitor: a chardev frontend that drives a `QMPSession` and carries
/// out its actions (QEMU's `MonitorQMP`).
///
/// Input is parsed on the I/O queue as it arrives; out-of-band requests
/// run there at once, in-band ones wait for the server's dispatcher,
/// which takes them with `takeJob()` and reports with `finish(_:)`.
/// Bytes the session did not take while suspended wait here, and reading
/// from the chardev pauses until the session resumes.
///
/// `@unchecked Sendable`: the mutable state (session, link, pending input,
/// flags) is touched only on the host's serial I/O queue (chardev
/// callbacks run there, and the server calls the other methods there);
/// the other properties are constants.
final class ControlMonitor: Monitor, ChardevFrontend, @unchecked Sendable {
    let id: String?
    let chardevID: String
    var mode: MonitorMode { .control }

    private weak let host: (any MonitorHost)?
    /// Whether the chardev reports the end of a connection (sockets and
    /// stdio), so that shutdown can wait for the flush.
    private let closesConnections: Bool

    private var session: QMPSession
    private var link: ChardevLink?
    /// Received bytes the session has not consumed, from `pendingStart`.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var isConnected = false
    private var isRemoved = false

    /// A monitor named `id` for chardev `chardevID`, not attached yet.
    init(
        id: String, chardevID: String, configuration: QMPSession.Configuration,
        closesConnections: Bool, host: any MonitorHost
    ) {
        self.id = id
        self.chardevID = chardevID
        self.closesConnections = closesConnections
        self.host = host
        session = QMPSession(configuration: configuration)
    }

    /// Records the link `attach` returned.
    func attached(_ link: ChardevLink) {
        self.link = link
    }

    // MARK: Chardev callbacks

    func chardevOpened(_ link: ChardevLink) {
        self.link = link
        isConnected = true
        if host?.isShuttingDown ?? true {
            link.closeConnection(afterFlush: false)
            return
        }
        perform(session.opened())
    }

    func chardevClosed(_ link: ChardevLink) {
        isConnected = false
        pending = []
        pendingStart = 0
        perform(session.closed())
        if let host, host.isShuttingDown { host.connectionClosedDuringShutdown(self) }
    }

    func chardevReceived(_ bytes: UnsafeRawBufferPointer, on link: ChardevLink) -> Int {
        pending.append(contentsOf: bytes)
        feed()
        return bytes.count
    }

    // MARK: Dispatcher side

    var hasWork: Bool {
        !isRemoved && session.queuedRequestCount > 0 && !session.isServing
    }

    func takeJob() -> DispatcherJob? {
        guard hasWork else { return nil }
        var request: QMPRequest?
        var actions = session.dequeue()
        if case .runInBand(let inBand)? = actions.last {
            request = inBand
            actions.removeLast()
        }
        perform(actions)
        return request.map { .control(self, $0) }
    }

    /// The response to the request `takeJob()` returned; nil for none.
    func finish(_ response: QMPResponse?) {
        perform(session.finishInBand(response))
    }

    /// The event goes out if the session is in command mode (spec E2, N6).
    func broadcast(_ event: QMPEventMessage) {
        perform(session.event(event))
    }

    func remove() {
        isRemoved = true
        let deferred = session.isServing && session.mode != .closed
        perform(session.closeAfterCurrentResponse())
        if !deferred { closeAndDetach() }
    }

    func beginShutdown() -> Bool {
        guard isConnected, closesConnections, let link else { return false }
        link.closeConnection(afterFlush: true)
        return true
    }

    func detach() {
        link?.detach()
        link = nil
    }

    // MARK: Carrying out the session's actions

    /// Feeds pending input to the session until it is all consumed or the
    /// session suspends.
    private func feed() {
        while pendingStart < pending.count && !session.isSuspended {
            let start = pendingStart
            let result = pending.withUnsafeBytes { session.receive(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            pendingStart += result.consumed
            perform(result.actions)
            if result.consumed == 0 { break }
        }
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: pending.count <= 65536)
            pendingStart = 0
        } else if pendingStart >= 4096 && pendingStart * 2 >= pending.count {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
    }

    private func perform(_ actions: [QMPSessionAction]) {
        for action in actions {
            switch action {
            case .write(let bytes):
                link?.write(bytes)
            case .runOutOfBand(let request):
                perform(session.finishOutOfBand(host?.runOutOfBand(request)))
            case .runInBand:
                preconditionFailure("an in-band request outside takeJob()")
            case .requestReady:
                host?.wakeDispatcher()
            case .suspend:
                link?.pauseReading()
            case .resume:
                link?.resumeReading()
                if pendingStart < pending.count, let queue = host?.ioQueue {
                    queue.async { self.feed() }
                }
            case .close:
                closeAndDetach()
            }
        }
    }

    /// Drops the client once the output written so far is sent, and frees
    /// the chardev for another frontend (spec H4, H5).
    private func closeAndDetach() {
        link?.closeConnection(afterFlush: true)
        detach()
    }
}
