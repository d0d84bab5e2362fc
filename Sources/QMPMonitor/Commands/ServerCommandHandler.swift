import QAPIRuntime
import QMPMonitorSchema

/// The project's schema (`qapi/`) as `MonitorServer` implements it: the
/// core's commands. The registry holds this handler, and the handler
/// reaches its server through a weak reference set right after the
/// server is built.
///
/// It is also the event sink handed to the embedder's commands: events go
/// to the server's monitors.
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
    /// negotiating (spec N5).
    func qmpCapabilities(_ arguments: Commands.QmpCapabilities.Arguments) async throws {
        throw QMPError(.commandNotFound, "Capabilities negotiation is already complete, command ignored")
    }

    func queryVersion(_ arguments: Commands.QueryVersion.Arguments) async throws -> VersionInfo {
        let version = try server.configuration.version
        return VersionInfo(
            qemu: VersionTriple(major: version.major, minor: version.minor, micro: version.micro),
            package: version.package)
    }

    func queryCommands(_ arguments: Commands.QueryCommands.Arguments) async throws -> [CommandInfo] {
        let registry = try server.registry
        return registry.commands.filter { registry.isEnabled($0.name) }.map { CommandInfo(name: $0.name) }
    }

    func quit(_ arguments: Commands.Quit.Arguments) async throws {
        try server.shutdown(reason: .hostQMPQuit)
    }

    func monitorAdd(_ arguments: Commands.MonitorAdd.Arguments) async throws {
        try await server.addMonitor(
            id: arguments.id, chardev: arguments.chardev, mode: .control, pretty: arguments.pretty ?? false)
    }

    func monitorRemove(_ arguments: Commands.MonitorRemove.Arguments) async throws {
        try await server.removeMonitor(id: arguments.id)
    }

    func queryMonitors(_ arguments: Commands.QueryMonitors.Arguments) async throws -> [MonitorInfo] {
        try await server.currentMonitors().map { monitor in
            MonitorInfo(id: monitor.id, mode: MonitorMode(rawValue: monitor.mode.rawValue), chardev: monitor.chardev)
        }
    }

    // MARK: char.json

    func queryChardev(_ arguments: Commands.QueryChardev.Arguments) async throws -> [ChardevInfo] {
        try server.chardevs.chardevs.map {
            ChardevInfo(label: $0.id, filename: $0.filename, frontendOpen: $0.frontendOpen)
        }
    }

    func chardevAdd(_ arguments: Commands.ChardevAdd.Arguments) async throws -> ChardevReturn {
        try server.addChardev(id: arguments.id, backend: arguments.backend)
    }

    func chardevChange(_ arguments: Commands.ChardevChange.Arguments) async throws -> ChardevReturn {
        try server.changeChardev(id: arguments.id, backend: arguments.backend)
    }

    func chardevRemove(_ arguments: Commands.ChardevRemove.Arguments) async throws {
        let chardevs = try server.chardevs
        do {
            try chardevs.remove(id: arguments.id)
        } catch {
            throw QMPError.generic(error.message)
        }
    }

    func ringbufWrite(_ arguments: Commands.RingbufWrite.Arguments) async throws {
        let ring = try server.ringbuf(arguments.device)
        let bytes: [UInt8]
        switch arguments.format ?? .utf8 {
        case .utf8: bytes = RingbufText.bytes(of: arguments.data)
        case .base64: bytes = try Base64.decode(arguments.data)
        case .unknown(let name): throw QMPError.generic("Parameter 'format' does not accept value '\(name)'")
        }
        ring.write(bytes)
    }

    func ringbufRead(_ arguments: Commands.RingbufRead.Arguments) async throws -> String {
        let ring = try server.ringbuf(arguments.device)
        guard arguments.size > 0 else { throw QMPError.generic("size must be greater than zero") }
        let bytes = ring.read(maxCount: Int(clamping: arguments.size))
        switch arguments.format ?? .utf8 {
        case .utf8: return QEMUUTF8.lossyString(bytes)
        case .base64: return Base64.encode(bytes)
        case .unknown(let name): throw QMPError.generic("Parameter 'format' does not accept value '\(name)'")
        }
    }

    // MARK: run-state.json

    func queryStatus(_ arguments: Commands.QueryStatus.Arguments) async throws -> StatusInfo {
        let state = try server.runState
        return StatusInfo(running: state == .running, singlestep: false, status: RunState(rawValue: state.rawValue))
    }

    func stop(_ arguments: Commands.Stop.Arguments) async throws {
        try server.pause()
    }

    func cont(_ arguments: Commands.Cont.Arguments) async throws {
        try server.resume()
    }

    func systemReset(_ arguments: Commands.SystemReset.Arguments) async throws {
        try server.reset(reason: .hostQMPSystemReset)
    }

    func systemPowerdown(_ arguments: Commands.SystemPowerdown.Arguments) async throws {
        try server.requestPowerDown()
    }

    // MARK: yank.json (allow-oob: these run on the I/O queue when sent with exec-oob)

    func yank(_ arguments: Commands.Yank.Arguments) throws {
        try server.yank(arguments.instances)
    }

    func queryYank(_ arguments: Commands.QueryYank.Arguments) throws -> [YankInstance] {
        try server.yankableChardevs.map { YankInstance(branch: .chardev(YankInstanceChardev(id: $0.id))) }
    }

    // MARK: misc.json

    func queryName(_ arguments: Commands.QueryName.Arguments) async throws -> NameInfo {
        NameInfo(name: try server.configuration.name)
    }

    func humanMonitorCommand(_ arguments: Commands.HumanMonitorCommand.Arguments) async throws -> String {
        let output = try server.runHumanCommand(arguments.commandLine)
        return output.withCRLF
    }
}
