// vm-manager: the monitor core serving its own commands and those of
// qapi/vm-manager.json, with QEMU's -chardev, -mon and -qmp options.
// With no option it listens on a unix socket and says how to connect.
import QMPMonitor
import VMManager

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(
    await MonitorDaemon.run(
        programName: "vm-manager", configuration: .vmManager(),
        summary: "Keeps pretend virtual machines and serves QMP for them."))
