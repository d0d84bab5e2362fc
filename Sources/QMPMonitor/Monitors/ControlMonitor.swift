import Dispatch
import QAPIRuntime

/// A QMP monitor: a chardev frontend that drives a `QMPSession` and carries
/// out its actions (QEMU's `MonitorQMP`).
///
/// Input is parsed on the I/O queue as it arrives; out-of-band requests
/// run there at once, in-band ones wait for the server's dispatcher,
/// which takes them with `takeJob()` and reports with `finish(_:)`.
/// Bytes the session did not take while suspended stay in the chardev,
/// which offers them again once the session resumes: so the end of a
/// client's input is seen only after every request before it was
/// answered (spec Q1), as from QEMU.
///
/// `@unchecked Sendable`: the mutable state (session, link, flags) is
/// `IOQueueBound`: touched only on the host's serial I/O queue (chardev
/// callbacks run there, and the server calls the other methods there),
/// which every access checks; the other properties are constants.
final class ControlMonitor: Monitor, ChardevFrontend, @unchecked Sendable {
    let id: String?
    let chardevID: String
    var mode: MonitorServer.MonitorMode { .control }

    private weak let host: (any MonitorHost)?
    /// Whether the chardev reports the end of a connection (sockets and
    /// stdio), so that shutdown can wait for the flush.
    private let closesConnections: Bool

    @IOQueueBound private var session: QMPSession
    @IOQueueBound private var link: ChardevLink?
    @IOQueueBound private var isConnected: Bool
    /// The client's input ended while requests were still queued or
    /// running: the connection closes once they are answered.
    @IOQueueBound private var closesWhenAnswered: Bool
    @IOQueueBound private var isRemoved: Bool

    /// A monitor named `id` for chardev `chardevID`, not attached yet.
    init(
        id: String, chardevID: String, configuration: QMPSession.Configuration,
        closesConnections: Bool, host: any MonitorHost
    ) {
        self.id = id
        self.chardevID = chardevID
        self.closesConnections = closesConnections
        self.host = host
        let queue = host.ioQueue
        _session = IOQueueBound(wrappedValue: QMPSession(configuration: configuration), queue: queue)
        _link = IOQueueBound(wrappedValue: nil, queue: queue)
        _isConnected = IOQueueBound(wrappedValue: false, queue: queue)
        _closesWhenAnswered = IOQueueBound(wrappedValue: false, queue: queue)
        _isRemoved = IOQueueBound(wrappedValue: false, queue: queue)
    }

    /// Records the link `attach` returned.
    func attached(_ link: ChardevLink) {
        self.link = link
    }

    // MARK: Chardev callbacks

    func chardevOpened(_ link: ChardevLink) {
        self.link = link
        isConnected = true
        closesWhenAnswered = false
        if host?.isShuttingDown ?? true {
            link.closeConnection(afterFlush: false)
            return
        }
        perform(session.opened())
    }

    func chardevClosed(_ link: ChardevLink) {
        isConnected = false
        perform(session.closed())
        if let host, host.isShuttingDown { host.connectionClosedDuringShutdown(self) }
    }

    /// Feeds the session until it has taken everything or suspends; the
    /// bytes it did not take stay with the chardev (spec Q1, Q2).
    func chardevReceived(_ bytes: UnsafeRawBufferPointer, on link: ChardevLink) -> Int {
        var consumed = 0
        while consumed < bytes.count && !session.isSuspended {
            let result = session.receive(UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
            consumed += result.consumed
            perform(result.actions)
            if result.consumed == 0 { break }
        }
        return consumed
    }

    /// The client shut down its sending side: it still gets the answer to
    /// every request it sent, then the connection closes. (QEMU without
    /// OOB reads the end only after the answers, spec Q1; with OOB it
    /// may drop queued requests, and answering them loses nothing.)
    func chardevInputEnded(_ link: ChardevLink) {
        closesWhenAnswered = true
        closeIfAnswered()
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
        closeIfAnswered()
        return request.map { .control(self, $0) }
    }

    /// The response to the request `takeJob()` returned; nil for none.
    /// Called by the dispatcher on the I/O queue, outside the chardev's
    /// callbacks: so when the request held input suspended (spec Q1), the
    /// input the client sent meanwhile is delivered before this returns,
    /// and its next request is ready for the dispatcher's next turn.
    func finish(_ response: QMPResponse?) {
        var actions = session.finishInBand(response)
        let resumes = actions.contains(.resume)
        actions.removeAll { $0 == .resume }
        perform(actions)
        closeIfAnswered()
        if resumes { link?.resumeReadingNow() }
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
            case .close:
                closeAndDetach()
            }
        }
    }

    /// Closes the connection whose input ended once nothing it sent waits
    /// for an answer.
    private func closeIfAnswered() {
        guard closesWhenAnswered, session.queuedRequestCount == 0, !session.isServing else { return }
        closesWhenAnswered = false
        link?.closeConnection(afterFlush: true)
    }

    /// Drops the client once the output written so far is sent, and frees
    /// the chardev for another frontend (spec H4, H5).
    private func closeAndDetach() {
        link?.closeConnection(afterFlush: true)
        detach()
    }
}
