
extension MonitorServer {
    /// Runs one human-monitor command line on the dispatcher and returns
    /// what it prints, lines ending in `\n` (the monitor writes them as
    /// CR LF). `quit` shuts the server down (SHUTDOWN reason
    /// `host-qmp-quit`, as QEMU's `quit` has) and prints nothing.
    func runHumanCommand(_ line: String) -> String {
        switch HumanCommand(parsing: line) {
        case .help(nil):
            return Self.lines(HumanCommand.commandHelp)
        case .help("info"?), .infoTopics:
            return Self.lines(HumanCommand.infoHelp)
        case .help(let topic?):
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
        case .quit:
            shutdown(reason: .hostQMPQuit)
            return ""
        case .unknown(let name):
            return "unknown command: '\(name)'\n"
        }
    }

    private static func lines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }
}
