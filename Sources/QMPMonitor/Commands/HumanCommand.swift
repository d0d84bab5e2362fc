/// A human-monitor command line, parsed (the commands this server's human
/// monitor knows).
enum HumanCommand: Hashable, Sendable {
    /// `help` or `?`, with the command to explain, if any.
    case help(String?)
    /// `info` without a subcommand: lists the subcommands.
    case infoTopics
    /// `info chardev`.
    case infoChardev
    /// `info monitors`.
    case infoMonitors
    /// `quit` or `q`.
    case quit
    /// Anything else; the text is what the error quotes (`info foo` for an
    /// unknown subcommand).
    case unknown(String)

    /// The command lines and their descriptions, for `help`.
    static let commandHelp = [
        "help|? [cmd] -- show the help",
        "info [subcommand] -- show various information about the server state",
        "quit|q  -- quit the server",
    ]

    /// The `info` subcommands and their descriptions.
    static let infoHelp = [
        "info chardev  -- show the character devices",
        "info monitors  -- show the monitors",
    ]

    /// Parses `line`: words separated by spaces or tabs, the first naming
    /// the command.
    init(parsing line: String) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first else {
            self = .unknown("")
            return
        }
        switch name {
        case "help", "?":
            self = .help(words.count > 1 ? words[1] : nil)
        case "quit", "q":
            self = .quit
        case "info":
            switch words.count > 1 ? words[1] : nil {
            case nil: self = .infoTopics
            case "chardev": self = .infoChardev
            case "monitors": self = .infoMonitors
            case let topic?: self = .unknown("info " + topic)
            }
        default:
            self = .unknown(name)
        }
    }
}
