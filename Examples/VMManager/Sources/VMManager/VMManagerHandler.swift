import QAPIRuntime

/// The commands of `qapi/vm-manager.json`: one method per command, each
/// taking the command's arguments as one value (`CommandHandler` is
/// generated from the schema by the build plugin). An error thrown here
/// reaches the client as a `QMPError` when it is one, as a `GenericError`
/// with its description otherwise.
public struct VMManagerHandler: CommandHandler {
    /// The machines.
    public let hypervisor: Hypervisor
    /// Where `VM_STATE_CHANGED` goes: the server's monitors.
    public let events: any QMPEventSink
    /// How long a pretend boot takes.
    public let bootDelay: Duration

    /// A handler for `hypervisor`'s machines that sends events to `events`.
    public init(hypervisor: Hypervisor = Hypervisor(), events: any QMPEventSink, bootDelay: Duration) {
        self.hypervisor = hypervisor
        self.events = events
        self.bootDelay = bootDelay
    }

    /// Defines a machine: 512 MiB and one virtual CPU unless asked otherwise.
    public func vmCreate(_ arguments: Commands.VmCreate.Arguments) async throws -> VMInfo {
        try await hypervisor.create(
            name: arguments.name, memory: arguments.memory ?? 512 << 20, vcpus: arguments.vcpus ?? 1)
    }

    /// Boots the machine: `booting` at once, `running` after `bootDelay`
    /// (the pretend firmware), each announced with `VM_STATE_CHANGED`.
    /// The command is answered when the machine runs.
    public func vmStart(_ arguments: Commands.VmStart.Arguments) async throws {
        let name = arguments.name
        try await hypervisor.beginBoot(name)
        announce(name, .booting)
        try await Task.sleep(for: bootDelay)
        try await hypervisor.finishBoot(name)
        announce(name, .running)
    }

    /// Stops a running machine, announced with `VM_STATE_CHANGED`.
    public func vmStop(_ arguments: Commands.VmStop.Arguments) async throws {
        try await hypervisor.stop(arguments.name)
        announce(arguments.name, .stopped)
    }

    /// Forgets a machine that is not booting or running.
    public func vmDelete(_ arguments: Commands.VmDelete.Arguments) async throws {
        try await hypervisor.remove(arguments.name)
    }

    /// Lists the machines, oldest first.
    public func queryVms(_ arguments: Commands.QueryVms.Arguments) async throws -> [VMInfo] {
        await hypervisor.all
    }

    /// Sends `VM_STATE_CHANGED` for machine `name`, now in `state`.
    private func announce(_ name: String, _ state: VMState) {
        events.emit(Events.VmStateChanged(name: name, state: state))
    }
}
