extension MonitorServer {
    /// Runs one human-monitor command line on the dispatcher and returns
    /// what it prints, lines ending in `\n` (the monitor writes them as
    /// CR LF). `quit` shuts the server down (SHUTDOWN reason
    /// `host-qmp-quit`, as QEMU's `quit` has) and prints nothing; `stop`,
    /// `cont`, `system_reset` and `system_powerdown` act as their QMP
    /// namesakes, events included, and print nothing.
    func runHumanCommand(_ line: String) -> String {
        switch HumanCommand(parsing: line) {
        case .help(nil, _):
            return Self.lines(HumanCommand.commandHelp)
        case .help("info"?, nil), .infoTopics:
            return Self.lines(HumanCommand.infoHelp)
        case .help("info"?, let subcommand?):
            let matching = HumanCommand.infoHelp.filter {
                $0.split(separator: " ").dropFirst().first == Substring(subcommand)
            }
            return matching.isEmpty ? "unknown command: 'info \(subcommand)'\n" : Self.lines(matching)
        case .help(let topic?, _):
            let matching = HumanCommand.commandHelp.filter {
                $0.split(separator: " ").first?.split(separator: "|").contains(Substring(topic)) == true
            }
            return matching.isEmpty ? "unknown command: '\(topic)'\n" : Self.lines(matching)
        case .infoChardev:
            return Self.lines(chardevs.chardevs.map { "\($0.id): filename=\($0.filename)" })
        case .infoMonitors:
            return Self.lines(
                monitors.map { info in
                    let described = "mode=\(info.mode.rawValue) chardev=\(info.chardev)"
                    return info.id.map { "\($0): \(described)" } ?? described
                })
        case .infoName:
            return configuration.name.map { $0 + "\n" } ?? ""
        case .infoStatus:
            return Self.statusLine(runState)
        case .cont:
            resume()
            return ""
        case .stop:
            pause()
            return ""
        case .systemPowerdown:
            requestPowerDown()
            return ""
        case .systemReset:
            reset(reason: .hostQMPSystemReset)
            return ""
        case .quit:
            shutdown(reason: .hostQMPQuit)
            return ""
        case .extraneousArguments(let name, let typed):
            return "\(name): extraneous characters at the end of line\nTry \"help \(typed)\" for more information\n"
        case .unknown(let name):
            return "unknown command: '\(name)'\n"
        }
    }

    /// `info status`'s line, in QEMU's words.
    private static func statusLine(_ state: RunState) -> String {
        switch state {
        case .running: "VM status: running\n"
        case .paused: "VM status: paused\n"
        case .prelaunch: "VM status: paused (prelaunch)\n"
        }
    }

    private static func lines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }
}
