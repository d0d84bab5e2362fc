import QAPIRuntime
import QMPMonitorSchema

/// The schema's commands as `MonitorServer` implements them. The
/// registry holds this handler, and the handler reaches its server
/// through a weak reference set right after the server is built.
///
/// It is also the event sink handed to extra commands: events go to the
/// server's monitors.
final class ServerCommandHandler: CommandHandler, QMPEventSink {
    private struct Reference {
        weak var server: MonitorServer?
    }

    private let reference = QAPILock(Reference())

    /// Connects the handler to its server.
    func bind(to server: MonitorServer) {
        reference.withLock { $0.server = server }
    }

    /// The server, or an error once it is gone.
    var server: MonitorServer {
        get throws(QMPError) {
            guard let server = reference.withLock({ $0.server }) else { throw .generic("the server has stopped") }
            return server
        }
    }

    func emit(_ message: QMPEventMessage) {
        try? server.emit(message)
    }

    // MARK: control.json

    /// Only reached in command mode: the session answers it while
    /// negotiating (spec N5). The registry uses the session's own
    /// `QMPSession.capabilitiesCommand`, which does the same.
    func qmpCapabilities(enable: [QMPCapability]?) throws(QMPError) {
        throw QMPError(.commandNotFound, "Capabilities negotiation is already complete, command ignored")
    }

    func queryVersion() throws(QMPError) -> VersionInfo {
        try server.configuration.version
    }

    func queryCommands() throws(QMPError) -> [CommandInfo] {
        let registry = try server.registry
        return registry.commands.filter { registry.isEnabled($0.name) }.map { CommandInfo(name: $0.name) }
    }

    func quit() throws(QMPError) {
        try server.shutdown(reason: .hostQmpQuit)
    }

    func monitorAdd(id: String, chardev: String, pretty: Bool?) throws(QMPError) {
        try server.addMonitor(id: id, chardev: chardev, mode: .control, pretty: pretty ?? false)
    }

    func monitorRemove(id: String) throws(QMPError) {
        try server.removeMonitor(id: id)
    }

    func queryMonitors() throws(QMPError) -> [MonitorInfo] {
        try server.monitors
    }

    // MARK: char.json

    func queryChardev() throws(QMPError) -> [ChardevInfo] {
        try server.chardevs.chardevs.map {
            ChardevInfo(label: $0.id, filename: $0.filename, frontendOpen: $0.frontendOpen)
        }
    }

    func chardevAdd(id: String, backend: QMPMonitorSchema.ChardevBackend) throws(QMPError) -> ChardevReturn {
        try server.addChardev(id: id, backend: backend)
        return ChardevReturn()
    }

    func chardevRemove(id: String) throws(QMPError) {
        let chardevs = try server.chardevs
        do {
            try chardevs.remove(id: id)
        } catch {
            throw .generic(error.message)
        }
    }

    func ringbufWrite(device: String, data: String, format: DataFormat?) throws(QMPError) {
        let ring = try server.ringbuf(device)
        let bytes: [UInt8]
        switch format ?? .utf8 {
        case .utf8: bytes = RingbufText.bytes(of: data)
        case .base64: bytes = try Base64.decode(data)
        case .unknown(let name): throw .generic("Parameter 'format' does not accept value '\(name)'")
        }
        ring.write(bytes)
    }

    func ringbufRead(device: String, size: Int64, format: DataFormat?) throws(QMPError) -> String {
        let ring = try server.ringbuf(device)
        guard size > 0 else { throw .generic("size must be greater than zero") }
        let bytes = ring.read(maxCount: Int(clamping: size))
        switch format ?? .utf8 {
        case .utf8: return QEMUUTF8.lossyString(bytes)
        case .base64: return Base64.encode(bytes)
        case .unknown(let name): throw .generic("Parameter 'format' does not accept value '\(name)'")
        }
    }

    // MARK: misc.json

    func humanMonitorCommand(commandLine: String, cpuIndex: Int64?) throws(QMPError) -> String {
        let output = try server.runHumanCommand(commandLine)
        return output.withCRLF
    }
}
