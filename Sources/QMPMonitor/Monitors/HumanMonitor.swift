import Dispatch

/// A human monitor (HMP, `mode=readline`): a chardev frontend that reads
/// one command per line, has the dispatcher run it, and writes its output
/// followed by the `(qemu) ` prompt.
///
/// A connection starts with a banner and the prompt. While a line waits
/// for the dispatcher or runs, reading pauses; later lines run in order.
/// Output line endings are CR LF, as QEMU writes them. There is no echo
/// and no line editing: this is the line protocol that scripts and
/// `socat` users see, not a terminal.
///
/// `@unchecked Sendable`: the mutable state is `IOQueueBound`, touched
/// only on the host's serial I/O queue, which every access checks (see
/// `ControlMonitor`); the other properties are constants.
final class HumanMonitor: Monitor, ChardevFrontend, @unchecked Sendable {
    /// The prompt written after the banner and after each command's output.
    static let prompt = "(qemu) "

    let id: String?
    let chardevID: String
    var mode: MonitorServer.MonitorMode { .readline }

    /// The first line a client sees.
    private let banner: String
    private weak let host: (any MonitorHost)?
    private let closesConnections: Bool

    @IOQueueBound private var link: ChardevLink?
    @IOQueueBound private var lines: LineBuffer
    /// The line waiting for the dispatcher.
    @IOQueueBound private var queuedLine: String?
    /// The connection the running line came from, while one runs.
    @IOQueueBound private var servingConnection: Int?
    /// Counts connections, so that output of a line from an earlier
    /// connection is not written to a later one.
    @IOQueueBound private var connection: Int
    @IOQueueBound private var isConnected: Bool
    /// The client's input ended while a line waited or ran: the
    /// connection closes once its output is written.
    @IOQueueBound private var closesWhenAnswered: Bool
    @IOQueueBound private var isRemoved: Bool

    /// A human monitor for chardev `chardevID`, not attached yet.
    init(id: String?, chardevID: String, banner: String, closesConnections: Bool, host: any MonitorHost) {
        self.id = id
        self.chardevID = chardevID
        self.banner = banner
        self.closesConnections = closesConnections
        self.host = host
        let queue = host.ioQueue
        _link = IOQueueBound(wrappedValue: nil, queue: queue)
        _lines = IOQueueBound(wrappedValue: LineBuffer(), queue: queue)
        _queuedLine = IOQueueBound(wrappedValue: nil, queue: queue)
        _servingConnection = IOQueueBound(wrappedValue: nil, queue: queue)
        _connection = IOQueueBound(wrappedValue: 0, queue: queue)
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
        connection += 1
        lines.reset()
        queuedLine = nil
        if host?.isShuttingDown ?? true {
            link.closeConnection(afterFlush: false)
            return
        }
        write(banner + "\n" + Self.prompt)
        if servingConnection != nil { link.pauseReading() }
    }

    func chardevClosed(_ link: ChardevLink) {
        isConnected = false
        lines.reset()
        queuedLine = nil
        if let host, host.isShuttingDown { host.connectionClosedDuringShutdown(self) }
    }

    /// Takes input line by line and stops at a line that waits for the
    /// dispatcher; the rest stays with the chardev until reading resumes,
    /// so the end of the client's input comes after the last answer.
    func chardevReceived(_ bytes: UnsafeRawBufferPointer, on link: ChardevLink) -> Int {
        var consumed = 0
        while consumed < bytes.count && queuedLine == nil && servingConnection == nil {
            consumed += lines.append(UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
            advance()
        }
        return consumed
    }

    /// The client shut down its sending side: the line it sent last still
    /// runs and is answered, then the connection closes.
    func chardevInputEnded(_ link: ChardevLink) {
        closesWhenAnswered = true
        closeIfAnswered()
    }

    // MARK: Dispatcher side

    var hasWork: Bool {
        !isRemoved && queuedLine != nil && servingConnection == nil
    }

    func takeJob() -> DispatcherJob? {
        guard hasWork, let line = queuedLine else { return nil }
        queuedLine = nil
        servingConnection = connection
        return .human(self, line)
    }

    /// The output of the line `takeJob()` returned, with `\n` line ends:
    /// written with the prompt after it, unless the client it came from
    /// has left; then reading goes on.
    func finish(output: String) {
        let servedConnection = servingConnection
        servingConnection = nil
        guard !isRemoved, isConnected else { return }
        if servedConnection == connection { write(output + Self.prompt) }
        link?.resumeReading()
        advance()
        closeIfAnswered()
    }

    /// Closes the connection whose input ended once no line waits or runs.
    private func closeIfAnswered() {
        guard closesWhenAnswered, queuedLine == nil, servingConnection == nil else { return }
        closesWhenAnswered = false
        link?.closeConnection(afterFlush: true)
    }

    func remove() {
        isRemoved = true
        link?.closeConnection(afterFlush: true)
        detach()
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

    // MARK: Lines

    /// Queues the next non-empty line for the dispatcher, answering empty
    /// lines with a prompt, unless a line is queued or running already.
    private func advance() {
        guard !isRemoved, isConnected else { return }
        while queuedLine == nil && servingConnection == nil, let line = lines.nextLine() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                write(Self.prompt)
                continue
            }
            queuedLine = line
            link?.pauseReading()
            host?.wakeDispatcher()
        }
    }

    /// Writes `text` with every `\n` sent as CR LF.
    private func write(_ text: String) {
        link?.write(Array(text.withCRLF.utf8))
    }
}
