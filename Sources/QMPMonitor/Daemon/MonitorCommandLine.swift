/// QEMU's monitor options, parsed: what a daemon built on `MonitorServer`
/// is asked to create (chardevs, then monitors on them, in the order
/// given) and how to report itself. `MonitorDaemon` runs it; an embedder
/// with other plans can parse with it and set the server up itself.
///
/// Options: `-chardev`, `-mon`, `-qmp`, `-qmp-pretty`, `-monitor`, `-S`,
/// `-name`, `--report-version`, `--report-package`, `--help`,
/// `--version` (see `usage(programName:summary:)`).
public struct MonitorCommandLine: Sendable {
    /// A command-line error: one line of text.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The text.
        public var description: String

        /// An error with text `description`.
        public init(_ description: String) {
            self.description = description
        }
    }

    /// A chardev to create (`-chardev`, or implied by `-qmp`/`-monitor`).
    public struct ChardevRequest: Sendable {
        /// The option text, for error messages (`-chardev socket,id=...`).
        public var source: String
        /// The chardev's id.
        public var id: String
        /// The backend.
        public var backend: ChardevDriver
    }

    /// A monitor to create (`-mon`, `-qmp`, `-monitor`).
    public struct MonitorRequest: Sendable {
        /// The option text, for error messages.
        public var source: String
        /// The monitor's id; nil to generate one (QMP) or have none (HMP).
        public var id: String?
        /// The chardev it serves.
        public var chardev: String
        /// QMP or the human monitor.
        public var mode: MonitorServer.MonitorMode
        /// Pretty QMP output.
        public var pretty: Bool
    }

    /// The chardevs to create, in order.
    public var chardevs: [ChardevRequest] = []
    /// The monitors to create, in order, after the chardevs.
    public var monitors: [MonitorRequest] = []
    /// `--help`.
    public var showHelp = false
    /// `--version`.
    public var showVersion = false
    /// `-S`: start paused, in run state `prelaunch`.
    public var startsPaused = false
    /// `-name NAME` (or `-name guest=NAME`): the name `query-name` reports.
    public var name: String?
    /// `--report-version MAJOR.MINOR.MICRO`: the version to report.
    public var reportedVersion: (major: Int64, minor: Int64, micro: Int64)?
    /// `--report-package TEXT`: the package string to report.
    public var reportedPackage: String?
    /// `-qmp-pretty`: pretty output for the `-qmp` monitors that follow.
    private var qmpPretty = false
    /// How many chardevs `-qmp` and `-monitor` have created.
    private var compatChardevCount = 0

    /// Parses the arguments after the program name.
    public init(arguments: [String]) throws(Failure) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let name = argument.hasPrefix("--") ? String(argument.dropFirst()) : argument
            switch name {
            case "-h", "-help":
                showHelp = true
            case "-version":
                showVersion = true
            case "-qmp-pretty":
                qmpPretty = true
            case "-S":
                startsPaused = true
            case "-chardev", "-mon", "-qmp", "-monitor", "-name", "-report-version", "-report-package":
                guard let value = remaining.popFirst() else {
                    throw Failure("\(argument): requires an argument")
                }
                try apply(name, value)
            default:
                throw Failure("\(argument): invalid option (see --help)")
            }
        }
    }

    /// Applies one option with its value.
    private mutating func apply(_ name: String, _ value: String) throws(Failure) {
        let source = "\(name) \(value)"
        do {
            switch name {
            case "-chardev":
                chardevs.append(try Self.chardev(value, source: source))
            case "-mon":
                monitors.append(try Self.monitor(value, source: source))
            case "-qmp", "-monitor":
                let mode: MonitorServer.MonitorMode = name == "-qmp" ? .control : .readline
                try addCompatMonitor(value, mode: mode, source: source)
            case "-name":
                let options = try OptionList(parsing: value, impliedKey: "guest")
                if let unknown = options.unknownKeys(["guest", "process", "debug-threads"]).first {
                    throw Failure("Invalid parameter '\(unknown)'")
                }
                self.name = options.value("guest")
            case "-report-version":
                let parts = value.split(separator: ".", omittingEmptySubsequences: false).map { Int64($0) }
                guard parts.count == 3, let major = parts[0], let minor = parts[1], let micro = parts[2] else {
                    throw Failure("expected MAJOR.MINOR.MICRO")
                }
                reportedVersion = (major, minor, micro)
            default:
                reportedPackage = value
            }
        } catch {
            throw Failure("\(source): \(error)")
        }
    }

    /// `-qmp SPEC` / `-monitor SPEC`: `chardev:ID` names a chardev;
    /// anything else is a legacy chardev spec (`unix:PATH,server=on,wait=off`,
    /// `tcp:HOST:PORT,server=on,wait=off`, `stdio`, `null`) for a new
    /// chardev `compat_monitorN`.
    private mutating func addCompatMonitor(
        _ value: String, mode: MonitorServer.MonitorMode, source: String
    ) throws(Failure) {
        let chardevID: String
        if value.hasPrefix("chardev:") {
            chardevID = String(value.dropFirst("chardev:".count))
        } else {
            chardevID = "compat_monitor\(compatChardevCount)"
            compatChardevCount += 1
            chardevs.append(ChardevRequest(source: source, id: chardevID, backend: try Self.legacyChardev(value)))
        }
        monitors.append(
            MonitorRequest(
                source: source, id: nil, chardev: chardevID, mode: mode, pretty: mode == .control && qmpPretty))
    }

    /// `-chardev BACKEND,id=ID,...`.
    private static func chardev(_ value: String, source: String) throws(Failure) -> ChardevRequest {
        let options = try OptionList(parsing: value, impliedKey: "backend")
        guard let backendName = options.value("backend") else { throw Failure("Parameter 'backend' is missing") }
        guard let id = options.value("id") else { throw Failure("Parameter 'id' is missing") }
        let backend: ChardevDriver
        var known: Set<String> = ["backend", "id"]
        switch backendName {
        case "null":
            backend = .null
        case "stdio":
            known.insert("signal")
            _ = try options.bool("signal")
            backend = .stdio
        case "ringbuf", "memory":
            known.insert("size")
            let size = try options.integer("size").map { Int(clamping: $0) }
            backend = backendName == "ringbuf" ? .ringbuf(size: size) : .memory(size: size)
        case "socket":
            known.formUnion(["path", "host", "port", "server", "wait", "reconnect", "reconnect-ms"])
            backend = .socket(try socketOptions(options))
        case "file":
            known.formUnion(["path", "input-path", "append"])
            guard let path = options.value("path") else { throw Failure("chardev: file: no filename given") }
            backend = .file(
                input: options.value("input-path"), output: path, append: try options.bool("append") ?? false)
        case "pty":
            backend = .pty
        default:
            throw Failure("'\(backendName)' is not a valid char driver name")
        }
        if let unknown = options.unknownKeys(known).first { throw Failure("Invalid parameter '\(unknown)'") }
        return ChardevRequest(source: source, id: id, backend: backend)
    }

    /// The socket options of a `-chardev socket` or legacy spec.
    private static func socketOptions(_ options: OptionList) throws(Failure) -> ChardevSocketOptions {
        let address: ChardevSocketAddress
        switch (options.value("path"), options.value("host"), options.value("port")) {
        case (let path?, nil, nil):
            address = .unix(path: path)
        case (nil, let host, let port?):
            address = .inet(host: host ?? "", port: port)
        case (nil, _, nil):
            throw Failure("chardev: socket: no address given (path=, or host= and port=)")
        default:
            throw Failure("chardev: socket: 'path' cannot be combined with 'host' or 'port'")
        }
        return ChardevSocketOptions(
            address: address, server: try options.bool("server") ?? false, wait: try options.bool("wait"),
            reconnect: try options.integer("reconnect"), reconnectMilliseconds: try options.integer("reconnect-ms"))
    }

    /// A legacy chardev spec, as `-qmp` and `-monitor` take it.
    private static func legacyChardev(_ value: String) throws(Failure) -> ChardevDriver {
        if value == "stdio" { return .stdio }
        if value == "null" { return .null }
        if value.hasPrefix("unix:") {
            let options = try OptionList(parsing: String(value.dropFirst(5)), impliedKey: "path")
            if let unknown = options.unknownKeys(["path", "server", "wait"]).first {
                throw Failure("Invalid parameter '\(unknown)'")
            }
            return .socket(try socketOptions(options))
        }
        if value.hasPrefix("tcp:") {
            let options = try OptionList(parsing: String(value.dropFirst(4)), impliedKey: "address")
            guard let address = options.value("address"), let colon = address.lastIndex(of: ":") else {
                throw Failure("expected tcp:HOST:PORT")
            }
            if let unknown = options.unknownKeys(["address", "server", "wait"]).first {
                throw Failure("Invalid parameter '\(unknown)'")
            }
            var host = String(address[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return .socket(
                ChardevSocketOptions(
                    address: .inet(host: host, port: String(address[address.index(after: colon)...])),
                    server: try options.bool("server") ?? false, wait: try options.bool("wait")))
        }
        throw Failure(
            "'\(value)' is not a chardev spec (unix:PATH,server=on,wait=off; tcp:HOST:PORT,server=on,wait=off; stdio; null)"
        )
    }

    /// `-mon [chardev=]ID,mode=control|readline[,pretty=on][,id=NAME]`.
    private static func monitor(_ value: String, source: String) throws(Failure) -> MonitorRequest {
        let options = try OptionList(parsing: value, impliedKey: "chardev")
        if let unknown = options.unknownKeys(["chardev", "mode", "pretty", "id"]).first {
            throw Failure("Invalid parameter '\(unknown)'")
        }
        guard let chardev = options.value("chardev") else { throw Failure("Parameter 'chardev' is missing") }
        let mode: MonitorServer.MonitorMode
        switch options.value("mode") ?? "readline" {
        case "readline": mode = .readline
        case "control": mode = .control
        case let other: throw Failure("Parameter 'mode' does not accept value '\(other)'")
        }
        return MonitorRequest(
            source: source, id: options.value("id"), chardev: chardev, mode: mode,
            pretty: try options.bool("pretty") ?? false)
    }
}
