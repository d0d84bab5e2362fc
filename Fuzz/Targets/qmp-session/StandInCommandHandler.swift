import QAPIRuntime
import QMPMonitorSchema

/// The project's commands (`qapi/`) with stand-in bodies: no chardev, no
/// socket, no server. Arguments are decoded by the generated code as in
/// `MonitorServer`; the bodies answer at once, echo strings from the
/// input, fail for some arguments, and record the side effects a real
/// command has (`quit` emits SHUTDOWN; `monitor-remove` of the monitor
/// `self` closes the session after its response, spec H5).
struct StandInCommandHandler: CommandHandler {
    /// What the commands did besides answering.
    let effects: SideEffects

    func qmpCapabilities(_ arguments: Commands.QmpCapabilities.Arguments) async throws {
        throw QMPError(.commandNotFound, "Capabilities negotiation is already complete, command ignored")
    }

    func queryVersion(_ arguments: Commands.QueryVersion.Arguments) async throws -> VersionInfo {
        VersionInfo(qemu: VersionTriple(major: 0, minor: 1, micro: 0), package: "swift-qapi")
    }

    func queryCommands(_ arguments: Commands.QueryCommands.Arguments) async throws -> [CommandInfo] {
        [CommandInfo(name: "query-version"), CommandInfo(name: "quit")]
    }

    func quit(_ arguments: Commands.Quit.Arguments) async throws {
        effects.emit(Events.Shutdown(guest: false, reason: .hostQmpQuit))
    }

    func monitorAdd(_ arguments: Commands.MonitorAdd.Arguments) async throws {
        if arguments.id == arguments.chardev { throw QMPError.generic("Chardev '\(arguments.chardev)' is busy") }
    }

    func monitorRemove(_ arguments: Commands.MonitorRemove.Arguments) async throws {
        guard arguments.id == "self" else { throw QMPError.generic("Monitor '\(arguments.id)' not found") }
        effects.requestClose()
    }

    func queryMonitors(_ arguments: Commands.QueryMonitors.Arguments) async throws -> [MonitorInfo] {
        [MonitorInfo(id: "self", mode: .control, chardev: "fuzz")]
    }

    func queryChardev(_ arguments: Commands.QueryChardev.Arguments) async throws -> [ChardevInfo] {
        [ChardevInfo(label: "fuzz", filename: "disconnected:unix:/tmp/fuzz.sock,server=on", frontendOpen: true)]
    }

    func ringbufWrite(_ arguments: Commands.RingbufWrite.Arguments) async throws {
        if arguments.device.isEmpty { throw QMPError(.deviceNotFound, "Device '' not found") }
    }

    func ringbufRead(_ arguments: Commands.RingbufRead.Arguments) async throws -> String {
        guard arguments.size > 0 else { throw QMPError.generic("size must be greater than zero") }
        return arguments.device
    }

    func chardevAdd(_ arguments: Commands.ChardevAdd.Arguments) async throws -> ChardevReturn {
        ChardevReturn()
    }

    func chardevRemove(_ arguments: Commands.ChardevRemove.Arguments) async throws {
        throw QMPError.generic("Chardev '\(arguments.id)' is busy")
    }

    func chardevChange(_ arguments: Commands.ChardevChange.Arguments) async throws -> ChardevReturn {
        throw QMPError.generic("Chardev '\(arguments.id)' does not support hotswap")
    }

    func queryStatus(_ arguments: Commands.QueryStatus.Arguments) async throws -> StatusInfo {
        StatusInfo(running: true, singlestep: false, status: .running)
    }

    func stop(_ arguments: Commands.Stop.Arguments) async throws {
        effects.emit(Events.Stop())
    }

    func cont(_ arguments: Commands.Cont.Arguments) async throws {
        effects.emit(Events.Resume())
    }

    func systemReset(_ arguments: Commands.SystemReset.Arguments) async throws {
        effects.emit(Events.Reset(guest: false, reason: .hostQmpSystemReset))
    }

    func systemPowerdown(_ arguments: Commands.SystemPowerdown.Arguments) async throws {
        effects.emit(Events.Powerdown())
    }

    func yank(_ arguments: Commands.Yank.Arguments) throws {
        if !arguments.instances.isEmpty { throw QMPError(.deviceNotFound, "Instance not found") }
    }

    func queryYank(_ arguments: Commands.QueryYank.Arguments) throws -> [YankInstance] {
        [YankInstance(branch: .chardev(YankInstanceChardev(id: "fuzz")))]
    }

    func queryName(_ arguments: Commands.QueryName.Arguments) async throws -> NameInfo {
        NameInfo()
    }

    func humanMonitorCommand(_ arguments: Commands.HumanMonitorCommand.Arguments) async throws -> String {
        arguments.commandLine + "\r\n"
    }
}

/// The side effects of the stand-in commands, taken by the driver after
/// each command (events first, spec E3).
final class SideEffects: Sendable {
    /// What one command did besides answering.
    struct Recorded {
        /// The events it emitted, in order.
        var events: [QMPEventMessage] = []
        /// Whether it asked to close its session after the response.
        var closeRequested = false
    }

    private let recorded = QAPILock(Recorded())

    /// Records an event, with a fixed timestamp.
    func emit<Event: QMPEvent>(_ event: Event) {
        let message = QMPEventMessage(event, timestamp: QMPTimestamp(seconds: 1_700_000_000, microseconds: 1))
        recorded.withLock { $0.events.append(message) }
    }

    /// Records a request to close the session after the response.
    func requestClose() {
        recorded.withLock { $0.closeRequested = true }
    }

    /// Takes what was recorded, leaving nothing.
    func take() -> Recorded {
        recorded.withLock { recorded in
            var taken = Recorded()
            swap(&taken, &recorded)
            return taken
        }
    }
}
