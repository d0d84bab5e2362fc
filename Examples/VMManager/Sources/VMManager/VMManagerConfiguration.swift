import QAPIRuntime
import QMPMonitor

extension MonitorServer.Configuration {
    /// vm-manager's server: the monitor core's commands (`qmp_capabilities`,
    /// `query-commands`, `query-qmp-schema`, chardevs, monitors, `quit`)
    /// and every command of `qapi/vm-manager.json`, served by a
    /// `VMManagerHandler` with a hypervisor of its own. `query-qmp-schema`
    /// describes both schemas as one.
    public static func vmManager(bootDelay: Duration = .milliseconds(500)) -> MonitorServer.Configuration {
        MonitorServer.Configuration(
            version: QMPVersion(major: 1, minor: 0, micro: 0, package: "vm-manager"),
            productName: "vm-manager"
        ) { registry, events in
            Commands.register(VMManagerHandler(events: events, bootDelay: bootDelay), into: &registry)
        }
    }
}
