import QAPIRuntime

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
    /// Blocks until the I/O side has done it, so it must not be called on
    /// the I/O side; from asynchronous code, prefer the `async` variant.
    @discardableResult
    public func addMonitor(
        id: String?, chardev chardevID: String, mode: MonitorMode = .control, pretty: Bool = false
    ) throws(QMPError) -> String? {
        let chardev = chardevs.chardev(id: chardevID)
        return try onIOQueueSync {
            startMonitor(id: id, chardevID: chardevID, chardev: chardev, mode: mode, pretty: pretty)
        }
        .get()
    }

    /// Starts a monitor without blocking a thread; see the synchronous
    /// variant.
    @discardableResult
    public func addMonitor(
        id: String?, chardev chardevID: String, mode: MonitorMode = .control, pretty: Bool = false
    ) async throws(QMPError) -> String? {
        let chardev = chardevs.chardev(id: chardevID)
        return try await onIOQueue {
            self.startMonitor(id: id, chardevID: chardevID, chardev: chardev, mode: mode, pretty: pretty)
        }
        .get()
    }

    /// Removes the QMP monitor `id` (spec H3–H5): `monitor 'ID' not
    /// found` when unknown, `monitor 'ID' is not a QMP monitor` for a
    /// human monitor. Its client is dropped (a monitor removing itself
    /// first gets its response) and its chardev stays, free for reuse.
    /// Blocks like the synchronous `addMonitor`.
    public func removeMonitor(id: String) throws(QMPError) {
        if let error = onIOQueueSync({ stopMonitor(id: id) }) { throw error }
    }

    /// Removes a QMP monitor without blocking a thread; see the
    /// synchronous variant.
    public func removeMonitor(id: String) async throws(QMPError) {
        if let error = await onIOQueue({ self.stopMonitor(id: id) }) { throw error }
    }

    /// The monitors as `query-monitors` lists them: reverse `mon_list`
    /// order (spec H6). Blocks like the synchronous `addMonitor`.
    public var monitors: [MonitorDescription] {
        onIOQueueSync { describeMonitors() }
    }

    /// The monitors, without blocking a thread.
    public func currentMonitors() async -> [MonitorDescription] {
        await onIOQueue { self.describeMonitors() }
    }

    // MARK: On the I/O queue

    private func startMonitor(
        id: String?, chardevID: String, chardev: (any Chardev)?, mode: MonitorMode, pretty: Bool
    ) -> Result<String?, QMPError> {
        if let id, table.list.monitor(id: id) != nil {
            return .failure(.generic("monitor '\(id)' already exists"))
        }
        guard let chardev else { return .failure(.generic("chardev '\(chardevID)' not found")) }
        let closesConnections = [.socket, .stdio, .file, .pty].contains(chardev.backend)
        let monitor: any Monitor
        do throws(ChardevError) {
            switch mode {
            case .control:
                let session = QMPSession.Configuration(
                    version: configuration.version.json, usesIOThread: chardev.supportsIOThread, pretty: pretty)
                let control = ControlMonitor(
                    id: id ?? table.list.unusedAutomaticID, chardevID: chardevID, configuration: session,
                    closesConnections: closesConnections, host: self)
                control.attached(try chardev.attach(control))
                monitor = control
            case .readline:
                let human = HumanMonitor(
                    id: id, chardevID: chardevID, banner: configuration.banner,
                    closesConnections: closesConnections, host: self)
                human.attached(try chardev.attach(human))
                monitor = human
            }
        } catch {
            return .failure(.generic(error.message))
        }
        table.list.insertAtHead(monitor)
        return .success(monitor.id)
    }

    private func stopMonitor(id: String) -> QMPError? {
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

    private func describeMonitors() -> [MonitorDescription] {
        table.list.reportingOrder.map { MonitorDescription(id: $0.id, mode: $0.mode, chardev: $0.chardevID) }
    }
}
