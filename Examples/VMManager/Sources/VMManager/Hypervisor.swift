import QAPIRuntime

/// The pretend virtual machines, in the order they were created, and the
/// rules for moving them from state to state. An actor: the handler's
/// methods reach it with `await`.
public actor Hypervisor {
    /// The machines, oldest first.
    private var machines: [VMInfo] = []

    /// A hypervisor with no machine.
    public init() {}

    /// Every machine, oldest first.
    public var all: [VMInfo] { machines }

    /// Adds a machine in state `created`.
    public func create(name: String, memory: UInt64, vcpus: Int64) throws -> VMInfo {
        guard !machines.contains(where: { $0.name == name }) else { throw HypervisorError.nameTaken(name) }
        guard (1...64).contains(vcpus) else { throw HypervisorError.vcpusOutOfRange(vcpus) }
        let machine = VMInfo(name: name, state: .created, memory: memory, vcpus: vcpus)
        machines.append(machine)
        return machine
    }

    /// Moves a created or stopped machine to `booting`.
    public func beginBoot(_ name: String) throws {
        let index = try position(of: name)
        let state = machines[index].state
        guard state == .created || state == .stopped else { throw HypervisorError.busy(name, state) }
        machines[index].state = .booting
    }

    /// Moves a booting machine to `running`.
    public func finishBoot(_ name: String) throws {
        let index = try position(of: name)
        let state = machines[index].state
        guard state == .booting else { throw HypervisorError.notBooting(name, state) }
        machines[index].state = .running
    }

    /// Moves a running machine to `stopped`.
    public func stop(_ name: String) throws {
        let index = try position(of: name)
        let state = machines[index].state
        guard state == .running else { throw HypervisorError.notRunning(name, state) }
        machines[index].state = .stopped
    }

    /// Forgets machine `name`, unless it is booting or running.
    public func remove(_ name: String) throws {
        let index = try position(of: name)
        let state = machines[index].state
        guard state != .booting, state != .running else { throw HypervisorError.busy(name, state) }
        machines.remove(at: index)
    }

    /// Where machine `name` is in `machines`. A missing machine is a
    /// `QMPError` of class DeviceNotFound: it reaches the client as it is.
    private func position(of name: String) throws(QMPError) -> Int {
        guard let index = machines.firstIndex(where: { $0.name == name }) else {
            throw QMPError(.deviceNotFound, "No VM named '\(name)'")
        }
        return index
    }
}
