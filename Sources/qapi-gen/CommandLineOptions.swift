import QAPICodegen

/// The options `qapi-gen` understands, parsed from its arguments.
struct CommandLineOptions {
    /// How diagnostics are rendered on standard error.
    enum DiagnosticStyle: String {
        /// QEMU's text, as its generator prints it.
        case qemu
        /// `path:line:col: error: message`, for SwiftPM and Xcode.
        case compiler
    }

    /// What the run should do.
    enum Action: Equatable {
        /// Print help and exit.
        case help
        /// Print QEMU's test-harness dump of the schema.
        case dump
        /// Print the `query-qmp-schema` data as JSON.
        case introspection
        /// Write the generated Swift into a directory.
        case generate(String)
        /// Only check the schema.
        case check
    }

    var action: Action = .check
    var diagnostics: DiagnosticStyle = .qemu
    var schemaPath: String?
    /// `-u`: keep type names in introspection data instead of numbers.
    var unmask = false
    /// `-D SYMBOL`: the symbols `if` conditions see as defined.
    var definedSymbols: Set<String> = []
    /// `-p PREFIX`: prepended to output file names and aggregate names.
    var prefix = ""
    /// `--access LEVEL`: the access level of generated declarations.
    var access = SwiftGeneratorOptions.AccessLevel.public
    /// `--client`: also generate the typed client.
    var client = false
    /// `--commands`, `--events`, `--types`: generate only these and what
    /// they reach.
    var subset: QAPISubset?

    static let usage = """
        usage: qapi-gen [options] SCHEMA

        Reads a QAPI schema (QEMU's schema language), checks it exactly as
        QEMU's generator does, and reports the first error.

        options:
          -o DIR                 write the generated Swift into DIR, always the
                                 same files: qapi-types.swift, qapi-commands.swift,
                                 qapi-events.swift, qapi-schema.swift (handler
                                 protocol, registration), qapi-introspection.swift
                                 and qapi-client.swift
          --client               generate the typed client in qapi-client.swift
                                 (it needs the QMPClient library)
          --commands A,B,...     generate only these commands (and, with
          --events X,Y,...       --events and --types, these events and
          --types T,U,...        types), with every type they reach; the
                                 introspection data describes just them
          -p PREFIX              put PREFIX (as UpperCamel) in front of the
                                 generated Commands, Events, Event,
                                 CommandHandler and Introspection names
          --access LEVEL         access level of generated declarations:
                                 public (default), package or internal
          --dump                 print the schema in the format of QEMU's
                                 front-end test harness (entities, then docs)
          --introspection        print the data of query-qmp-schema as JSON,
                                 one SchemaInfo per line; 'if' conditions are
                                 evaluated against the -D symbols
          -u, --unmask-non-abi-names
                                 keep type names in introspection data
                                 instead of masking them to numbers
          -D SYMBOL              take SYMBOL as defined in 'if' conditions
                                 (repeatable; every other symbol is undefined)
          --diagnostics STYLE    render errors as 'qemu' (default: QEMU's own
                                 text) or 'compiler' (path:line:col: error: ...)
          -h, --help             show this help

        exit status: 0 on success, 1 for an invalid or unreadable schema,
        2 for a usage error.
        """

    /// A usage error: a message for one line of standard error.
    struct UsageError: Error {
        let message: String
    }

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var index = 0
        func value(for flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "option \(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help":
                options.action = .help
                return options
            case "--dump":
                options.action = .dump
            case "--introspection":
                options.action = .introspection
            case "-o", "--output-dir":
                options.action = .generate(try value(for: argument))
            case "--client":
                options.client = true
            case "--commands", "--events", "--types":
                let names = Set(try value(for: argument).split(separator: ",").map(String.init))
                var subset = options.subset ?? QAPISubset()
                switch argument {
                case "--commands": subset.commands.formUnion(names)
                case "--events": subset.events.formUnion(names)
                default: subset.types.formUnion(names)
                }
                options.subset = subset
            case "-p", "--prefix":
                options.prefix = try value(for: argument)
            case "--access":
                let level = try value(for: argument)
                guard let parsed = SwiftGeneratorOptions.AccessLevel(rawValue: level) else {
                    throw UsageError(message: "unknown access level '\(level)' (use 'public', 'package' or 'internal')")
                }
                options.access = parsed
            case "-u", "--unmask-non-abi-names":
                options.unmask = true
            case "-D":
                options.definedSymbols.insert(try value(for: argument))
            case "--diagnostics":
                let style = try value(for: argument)
                guard let parsed = DiagnosticStyle(rawValue: style) else {
                    throw UsageError(message: "unknown diagnostics style '\(style)' (use 'qemu' or 'compiler')")
                }
                options.diagnostics = parsed
            case _ where argument.hasPrefix("-D"):
                options.definedSymbols.insert(String(argument.dropFirst(2)))
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "unknown option '\(argument)'")
                }
                if options.schemaPath != nil {
                    throw UsageError(message: "more than one schema file given ('\(argument)')")
                }
                options.schemaPath = argument
            }
            index += 1
        }
        if options.schemaPath == nil { throw UsageError(message: "no schema file given") }
        return options
    }
}
