import QAPIRuntime
import QMPMonitorSchema

extension MonitorServer {
    /// Starts a monitor on chardev `chardevID` (spec H1): QMP for
    /// `.control`, the human monitor for `.readline`. Returns the
    /// monitor's id: `id`, or for a QMP monitor without one the first
    /// free `monitorN`; nil for a human monitor without one.
    ///
    /// Checks, in order: a monitor named `id` exists (`monitor 'ID'
    /// already exists`), no chardev `chardevID` (`chardev 'NAME' not
    /// found`), the chardev has a frontend (`chardev 'NAME' is already in
    /// use`). A new QMP monitor waits for a client in negotiation mode;
    /// `pretty` selects the pretty layout (spec T3).
    ///
    /// Must not be called on the I/O queue (command handlers and start-up
    /// code are fine).
    @discardableResult
    public func addMonitor(
        id: String?, chardev chardevID: String, mode: MonitorMode = .control, pretty: Bool = false
    ) throws(QMPError) -> String? {
        if let id, onIOQueueSync({ table.list.monitor(id: id) != nil }) {
            throw .generic("monitor '\(id)' already exists")
        }
        guard let chardev = chardevs.chardev(id: chardevID) else {
            throw .generic("chardev '\(chardevID)' not found")
        }
        let closesConnections = chardev.backend == .socket || chardev.backend == .stdio
        let result: Result<String?, ChardevError> = onIOQueueSync {
            let monitor: any Monitor
            do throws(ChardevError) {
                switch mode {
                case .control:
                    let session = QMPSession.Configuration(
                        version: configuration.version.qapiEncoded(),
                        usesIOThread: chardev.supportsIOThread, pretty: pretty)
                    let control = ControlMonitor(
                        id: id ?? table.list.unusedAutomaticID, chardevID: chardevID, configuration: session,
                        closesConnections: closesConnections, host: self)
                    control.attached(try chardev.attach(control))
                    monitor = control
                case .readline, .unknown:
                    let human = HumanMonitor(
                        id: id, chardevID: chardevID, banner: configuration.banner,
                        closesConnections: closesConnections, host: self)
                    human.attached(try chardev.attach(human))
                    monitor = human
                }
            } catch {
                return .failure(error)
            }
            table.list.insertAtHead(monitor)
            return .success(monitor.id)
        }
        switch result {
        case .success(let monitorID): return monitorID
        case .failure(let error): throw .generic(error.message)
        }
    }

    /// Removes the QMP monitor `id` (spec H3–H5): `monitor 'ID' not
    /// found` when unknown, `monitor 'ID' is not a QMP monitor` for a
    /// human monitor. Its client is dropped (a monitor removing itself
    /// first gets its response) and its chardev stays, free for reuse.
    public func removeMonitor(id: String) throws(QMPError) {
        let error: QMPError? = onIOQueueSync {
            guard let monitor = table.list.monitor(id: id) else {
                return .generic("monitor '\(id)' not found")
            }
            guard monitor.mode == .control else {
                return .generic("monitor '\(id)' is not a QMP monitor")
            }
            table.list.remove(monitor)
            monitor.remove()
            return nil
        }
        if let error { throw error }
    }

    /// The monitors as `query-monitors` lists them: reverse `mon_list`
    /// order (spec H6).
    public var monitors: [MonitorInfo] {
        onIOQueueSync {
            table.list.reportingOrder.map { MonitorInfo(id: $0.id, mode: $0.mode, chardev: $0.chardevID) }
        }
    }
}
