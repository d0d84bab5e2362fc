/// Why the hypervisor refused a request. These are plain Swift errors:
/// the server sends each as a `GenericError` whose description is the
/// error's `description`.
public enum HypervisorError: Error, CustomStringConvertible, Sendable {
    /// Another machine has the name.
    case nameTaken(String)
    /// The number of virtual CPUs asked for is not 1 to 64.
    case vcpusOutOfRange(Int64)
    /// The machine is booting or running, which the request does not allow.
    case busy(String, VMState)
    /// The machine is not booting, which finishing a boot needs.
    case notBooting(String, VMState)
    /// The machine does not run, which the request needs.
    case notRunning(String, VMState)

    /// The text the client reads.
    public var description: String {
        switch self {
        case .nameTaken(let name): "A VM named '\(name)' already exists"
        case .vcpusOutOfRange(let count): "Parameter 'vcpus' must be between 1 and 64, not \(count)"
        case .busy(let name, let state): "VM '\(name)' is \(state.rawValue)"
        case .notBooting(let name, let state): "VM '\(name)' is not booting (it is \(state.rawValue))"
        case .notRunning(let name, let state): "VM '\(name)' is not running (it is \(state.rawValue))"
        }
    }
}
