import Dispatch
import QAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole daemon over `MonitorServer`, as `qmp-monitor` is: QEMU's
/// monitor options (`MonitorCommandLine`), a default QMP socket when no
/// monitor is asked for, a line on standard error saying how to connect,
/// SIGINT, SIGTERM and SIGHUP turned into `SHUTDOWN` (reason
/// `host-signal`), and an exit status. An embedder's `main.swift`:
///
/// ```swift
/// import QMPMonitor
///
/// let configuration = MonitorServer.Configuration(productName: "my-vmm") { registry, events in
///     Commands.register(MyHandler(events: events), into: &registry)
/// }
/// exit(await MonitorDaemon.run(programName: "my-vmm", configuration: configuration))
/// ```
public enum MonitorDaemon {
    /// Parses `arguments` (the command line without the program name),
    /// starts a server with `configuration` (the command line's `-S`,
    /// `-name` and `--report-*` options override its fields), creates the
    /// chardevs and monitors, and returns the exit status once the server
    /// stops: 0 after `quit` or a signal, 1 for a bad option or a failed
    /// start-up (one line on standard error), 0 after `--help` or
    /// `--version`.
    public static func run(
        programName: String, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        configuration: MonitorServer.Configuration = MonitorServer.Configuration(),
        summary: String = "Serves QMP, QEMU's machine protocol, on sockets or standard input and output."
    ) async -> Int32 {
        var commandLine: MonitorCommandLine
        do {
            commandLine = try MonitorCommandLine(arguments: arguments)
        } catch {
            printError("\(programName): \(error)")
            return 1
        }
        var configuration = configuration
        if let (major, minor, micro) = commandLine.reportedVersion {
            configuration.version = QMPVersion(
                major: major, minor: minor, micro: micro, package: configuration.version.package)
        }
        if let package = commandLine.reportedPackage { configuration.version.package = package }
        if commandLine.startsPaused { configuration.startsPaused = true }
        if let name = commandLine.name { configuration.name = name }
        if commandLine.showHelp {
            print(MonitorCommandLine.usage(programName: programName, summary: summary + "\n" + defaultSocketNote))
            return 0
        }
        if commandLine.showVersion {
            print("\(programName) \(configuration.version)")
            return 0
        }
        if commandLine.monitors.isEmpty {
            commandLine.addDefaultMonitor(path: defaultSocketPath(programName: programName))
        }
        let server = MonitorServer(configuration: configuration)
        let signals = shutDownOnSignals(server)
        defer { signals.forEach { $0.cancel() } }
        do {
            try setUp(server, commandLine)
        } catch {
            printError("\(programName): \(error)")
            server.shutdown(reason: .hostError)
            await server.stopped()
            return 1
        }
        for monitor in commandLine.monitors {
            if let hint = connectHint(for: monitor, in: server, programName: programName) { printError(hint) }
        }
        await server.stopped()
        return 0
    }

    /// What `--help` says about the default socket.
    static let defaultSocketNote = """
        With no monitor option it serves QMP on a unix socket in
        $XDG_RUNTIME_DIR (or /tmp) and says how to connect.
        """

    /// Where QMP is served when no monitor is given:
    /// `$XDG_RUNTIME_DIR/NAME.sock`, else `/tmp/NAME-UID.sock`.
    public static func defaultSocketPath(programName: String) -> String {
        if let runtime = getenv("XDG_RUNTIME_DIR"), runtime.pointee != 0 {
            return String(cString: runtime) + "/\(programName).sock"
        }
        return "/tmp/\(programName)-\(getuid()).sock"
    }

    /// The line that tells a user how to reach `monitor`, if it is on a
    /// listening socket (with the port actually bound when port 0 was
    /// asked for).
    public static func connectHint(
        for monitor: MonitorCommandLine.MonitorRequest, in server: MonitorServer, programName: String
    ) -> String? {
        guard let socket = server.chardevs.chardev(id: monitor.chardev) as? SocketChardev, socket.isServer else {
            return nil
        }
        let protocolName = monitor.mode == .control ? "QMP" : "HMP"
        switch socket.address {
        case .unix(let path):
            return "\(programName): \(protocolName) on unix:\(path) (connect with: socat - UNIX-CONNECT:\(path))"
        case .inet(let host, let port):
            let shown = ["", "0.0.0.0", "::"].contains(host) ? "localhost" : host
            return
                "\(programName): \(protocolName) on tcp:\(shown):\(port) (connect with: socat - TCP:\(shown):\(port))"
        }
    }

    /// Creates the chardevs and monitors of `commandLine`; the first
    /// failure is an error naming its option. For a `pty` chardev it
    /// prints QEMU's `char device redirected to PATH (label ID)` on
    /// standard output.
    public static func setUp(
        _ server: MonitorServer, _ commandLine: MonitorCommandLine
    ) throws(MonitorCommandLine.Failure) {
        for chardev in commandLine.chardevs {
            do throws(ChardevError) {
                let added = try server.chardevs.add(id: chardev.id, backend: chardev.backend)
                if let path = (added as? DescriptorChardev)?.ptyPath {
                    print("char device redirected to \(path) (label \(chardev.id))")
                    fflush(nil)
                }
            } catch {
                throw MonitorCommandLine.Failure("\(chardev.source): \(error.message)")
            }
        }
        for monitor in commandLine.monitors {
            guard server.chardevs.chardev(id: monitor.chardev) != nil else {
                throw MonitorCommandLine.Failure("\(monitor.source): chardev \"\(monitor.chardev)\" not found")
            }
            do throws(QMPError) {
                try server.addMonitor(
                    id: monitor.id, chardev: monitor.chardev, mode: monitor.mode, pretty: monitor.pretty)
            } catch {
                throw MonitorCommandLine.Failure("\(monitor.source): \(error.desc)")
            }
        }
    }

    /// Turns SIGINT, SIGTERM and SIGHUP into a shutdown with reason
    /// `host-signal` and ignores SIGPIPE (a client that leaves mid-write).
    /// Keep the returned sources; cancel them when done.
    public static func shutDownOnSignals(_ server: MonitorServer) -> [any DispatchSourceSignal] {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "swift-qapi.monitor-daemon.signals")
        return [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { server.shutdown(reason: .hostSignal) }
            source.resume()
            return source
        }
    }

    /// Writes one line to standard error.
    static func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}

extension MonitorCommandLine {
    /// Adds what a daemon serves when no monitor was asked for: QMP on a
    /// listening unix socket at `path`, chardev `compat_monitor0`.
    public mutating func addDefaultMonitor(path: String) {
        chardevs.append(
            ChardevRequest(
                source: "default QMP socket \(path)", id: "compat_monitor0",
                backend: .socket(ChardevSocketOptions(address: .unix(path: path), server: true, wait: false))))
        monitors.append(
            MonitorRequest(
                source: "default QMP socket", id: nil, chardev: "compat_monitor0", mode: .control, pretty: false))
    }
}
