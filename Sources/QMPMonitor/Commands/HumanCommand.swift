/// A human-monitor command line, parsed (the commands this server's human
/// monitor knows).
enum HumanCommand: Hashable, Sendable {
    /// `help` or `?`, with the command to explain, if any, and for `info`
    /// the subcommand (further words are ignored, as QEMU ignores them).
    case help(String?, subcommand: String? = nil)
    /// `info` without a subcommand: lists the subcommands.
    case infoTopics
    /// `info chardev`.
    case infoChardev
    /// `info monitors`.
    case infoMonitors
    /// `info name`.
    case infoName
    /// `info status`.
    case infoStatus
    /// `cont` or `c`.
    case cont
    /// `quit` or `q`.
    case quit
    /// `stop` or `s`.
    case stop
    /// `system_powerdown`.
    case systemPowerdown
    /// `system_reset`.
    case systemReset
    /// A command that takes no arguments, given some: `name` is how the
    /// error names it (`stop|s`, or `status` for `info status`), `typed`
    /// the line up to the end of the command as typed, for the hint
    /// `Try "help TYPED"`.
    case extraneousArguments(name: String, typed: String)
    /// Anything else; the text is what the error quotes (`info foo` for an
    /// unknown subcommand).
    case unknown(String)

    /// The command lines and their descriptions, for `help`; QEMU's
    /// wording for the run-state commands.
    static let commandHelp = [
        "cont|c  -- resume emulation",
        "help|? [cmd] -- show the help",
        "info [subcommand] -- show various information about the server state",
        "quit|q  -- quit the server",
        "stop|s  -- stop emulation",
        "system_powerdown  -- send system power down event",
        "system_reset  -- reset the system",
    ]

    /// The `info` subcommands and their descriptions.
    static let infoHelp = [
        "info chardev  -- show the character devices",
        "info monitors  -- show the monitors",
        "info name  -- show the current VM name",
        "info status  -- show the current VM status (running|paused)",
    ]

    /// The commands without arguments, by the names that call them; the
    /// names joined with `|` name the command in errors, as in `help`.
    private static let plainCommands: [(names: [String], command: HumanCommand)] = [
        (["cont", "c"], .cont),
        (["quit", "q"], .quit),
        (["stop", "s"], .stop),
        (["system_powerdown"], .systemPowerdown),
        (["system_reset"], .systemReset),
    ]

    /// The `info` subcommands, by name.
    private static let infoCommands: [String: HumanCommand] = [
        "chardev": .infoChardev,
        "monitors": .infoMonitors,
        "name": .infoName,
        "status": .infoStatus,
    ]

    /// Parses `line`: words separated by spaces or tabs, the first naming
    /// the command.
    init(parsing line: String) {
        let words = Self.words(in: line)
        guard let name = words.first?.text else {
            self = .unknown("")
            return
        }
        if name == "help" || name == "?" {
            self = .help(
                words.count > 1 ? String(words[1].text) : nil, subcommand: words.count > 2 ? String(words[2].text) : nil
            )
        } else if name == "info" {
            guard words.count > 1 else {
                self = .infoTopics
                return
            }
            let topic = words[1]
            guard let command = Self.infoCommands[String(topic.text)] else {
                self = .unknown("info " + topic.text)
                return
            }
            self =
                words.count > 2
                ? .extraneousArguments(name: String(topic.text), typed: String(line[..<topic.end]))
                : command
        } else if let plain = Self.plainCommands.first(where: { $0.names.contains(String(name)) }) {
            self =
                words.count > 1
                ? .extraneousArguments(name: plain.names.joined(separator: "|"), typed: String(line[..<words[0].end]))
                : plain.command
        } else {
            self = .unknown(String(name))
        }
    }

    /// The words of `line` with where each ends.
    private static func words(in line: String) -> [(text: Substring, end: String.Index)] {
        var words: [(text: Substring, end: String.Index)] = []
        var start: String.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let isSeparator = line[index] == " " || line[index] == "\t"
            if isSeparator, let wordStart = start {
                words.append((line[wordStart..<index], index))
                start = nil
            } else if !isSeparator && start == nil {
                start = index
            }
            index = line.index(after: index)
        }
        if let start { words.append((line[start...], line.endIndex)) }
        return words
    }
}
