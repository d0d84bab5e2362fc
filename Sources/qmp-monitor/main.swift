import Dispatch
import Glibc
import QAPIRuntime
import QMPMonitor
import QMPMonitorSchema

/// Writes one line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}

/// Where QMP is served when no monitor is given:
/// `$XDG_RUNTIME_DIR/qmp-monitor.sock`, else `/tmp/qmp-monitor-UID.sock`.
func defaultSocketPath() -> String {
    if let runtime = getenv("XDG_RUNTIME_DIR"), runtime.pointee != 0 {
        return String(cString: runtime) + "/qmp-monitor.sock"
    }
    return "/tmp/qmp-monitor-\(getuid()).sock"
}

/// The line that tells a user how to reach a monitor, if it is on a
/// listening socket (with the port actually bound when port 0 was asked
/// for).
func connectHint(for monitor: DaemonOptions.MonitorRequest, in server: MonitorServer) -> String? {
    guard let socket = server.chardevs.chardev(id: monitor.chardev) as? SocketChardev, socket.isServer else {
        return nil
    }
    let protocolName = monitor.mode == .control ? "QMP" : "HMP"
    switch socket.address {
    case .unix(let path):
        return "qmp-monitor: \(protocolName) on unix:\(path) (connect with: socat - UNIX-CONNECT:\(path))"
    case .inet(let host, let port):
        let shown = ["", "0.0.0.0", "::"].contains(host) ? "localhost" : host
        return "qmp-monitor: \(protocolName) on tcp:\(shown):\(port) (connect with: socat - TCP:\(shown):\(port))"
    }
}

/// Creates the chardevs and monitors; the first failure is an error
/// naming its option.
func setUp(_ server: MonitorServer, _ options: DaemonOptions) throws(DaemonError) {
    for chardev in options.chardevs {
        do throws(ChardevError) {
            try server.chardevs.add(id: chardev.id, backend: chardev.backend)
        } catch {
            throw DaemonError("\(chardev.source): \(error.message)")
        }
    }
    for monitor in options.monitors {
        guard server.chardevs.chardev(id: monitor.chardev) != nil else {
            throw DaemonError("\(monitor.source): chardev \"\(monitor.chardev)\" not found")
        }
        do {
            try server.addMonitor(id: monitor.id, chardev: monitor.chardev, mode: monitor.mode, pretty: monitor.pretty)
        } catch {
            throw DaemonError("\(monitor.source): \(error.desc)")
        }
    }
}

/// Turns SIGINT, SIGTERM and SIGHUP into a shutdown with reason
/// `host-signal`; ignores SIGPIPE (a client that leaves mid-write).
func handleSignals(_ server: MonitorServer) -> [any DispatchSourceSignal] {
    signal(SIGPIPE, SIG_IGN)
    let queue = DispatchQueue(label: "qmp-monitor.signals")
    return [SIGINT, SIGTERM, SIGHUP].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { server.shutdown(reason: .hostSignal) }
        source.resume()
        return source
    }
}

/// Runs the daemon; returns the exit status.
func run(_ arguments: [String]) async -> Int32 {
    var options: DaemonOptions
    do {
        options = try DaemonOptions(arguments: arguments)
    } catch {
        printError("qmp-monitor: \(error)")
        return 1
    }
    let triple = options.reportedVersion ?? MonitorServer.Configuration.projectVersion
    if options.showHelp {
        print(usage)
        return 0
    }
    if options.showVersion {
        print("qmp-monitor (swift-qapi) \(triple.major).\(triple.minor).\(triple.micro)")
        return 0
    }
    if options.monitors.isEmpty {
        let path = defaultSocketPath()
        options.chardevs.append(
            .init(
                source: "default QMP socket \(path)", id: "compat_monitor0",
                backend: QMPMonitor.ChardevBackend.socket(ChardevSocketOptions(address: .unix(path: path), server: true, wait: false))))
        options.monitors.append(.init(source: "default QMP socket", id: nil, chardev: "compat_monitor0", mode: .control, pretty: false))
    }
    let configuration = MonitorServer.Configuration(
        version: VersionInfo(qemu: triple, package: options.reportedPackage ?? "swift-qapi"))
    let server = MonitorServer(configuration: configuration)
    let signals = handleSignals(server)
    do {
        try setUp(server, options)
    } catch {
        printError("qmp-monitor: \(error)")
        server.shutdown(reason: .hostError)
        await server.stopped()
        return 1
    }
    for monitor in options.monitors {
        if let hint = connectHint(for: monitor, in: server) { printError(hint) }
    }
    await server.stopped()
    signals.forEach { $0.cancel() }
    return 0
}

exit(await run(Array(CommandLine.arguments.dropFirst())))
