// qmp-monitor: the monitor core serving the project's own schema (qapi/),
// with QEMU's monitor options. Everything lives in QMPMonitor's
// MonitorDaemon, so that an embedder's daemon is these few lines too.
import QMPMonitor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(
    await MonitorDaemon.run(
        programName: "qmp-monitor",
        summary:
            "Serves QMP, QEMU's machine protocol, for the swift-qapi schema (qapi/) on sockets or\nstandard input and output."
    ))
