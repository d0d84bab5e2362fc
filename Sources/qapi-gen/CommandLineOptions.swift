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
        /// Check that the schema files a build plan declares still exist
        /// (`--check-build-plan DIR`, run by the build plugin).
        case checkBuildPlan(String)
    }

    var action: Action = .check
    var diagnostics: DiagnosticStyle = .qemu
    var schemaPath: String?
    /// What `-p`, `-u`, `-D`, `--access`, `--client` and
    /// `--mutable-members` ask of the generator (or the `--config` file,
    /// once applied).
    var generator = SwiftGeneratorOptions()
    /// `--config FILE`: the configuration that sets the schema and the
    /// options above; `nil` when they come from the command line.
    var configPath: String?
    /// `--package-root DIR`: what the configuration's schema path is
    /// relative to (the working directory when not given).
    var packageRoot: String?
    /// `--build-plan DIR`: the build plugin's record of the build plan
    /// (`QAPIBuildPlanFiles`), kept up to date by a generation run.
    var buildPlanDirectory: String?

    static let usage = """
        usage: qapi-gen [options] SCHEMA
               qapi-gen [options] --config FILE [--package-root DIR]

        Reads a QAPI schema (QEMU's schema language), checks it exactly as
        QEMU's generator does, and reports the first error.

        options:
          -o DIR                 write the generated Swift into DIR, always the
                                 same files: qapi-types-1...16.swift, qapi-commands.swift,
                                 qapi-events.swift, qapi-schema.swift (handler
                                 protocol, registration), qapi-introspection.swift
                                 and qapi-client.swift
          --client               generate the typed client in qapi-client.swift
                                 (it needs the QMPClient library)
          --mutable-members      declare the members of generated structs,
                                 unions and events with 'var' (settable)
                                 instead of 'let'; they compile slower
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
          --config FILE          take the schema and the options -p, -u, -D,
                                 --access, --client, --mutable-members and
                                 the subset from FILE, a build plugin
                                 configuration (qapi-gen.json); giving
                                 SCHEMA or one of those options as well is a
                                 usage error. Its errors are always in
                                 compiler form. Its keys:
                                 \(QAPIGeneratorConfig.Key.allCases.map(\.rawValue).joined(separator: ", "))
          --package-root DIR     the folder the configuration's schema path is
                                 relative to (default: the working directory)
          --build-plan DIR       keep the build plugin's record of the build
                                 plan in DIR up to date (see README)
          --check-build-plan DIR
                                 check that the schema files of the build plan
                                 in DIR still exist (run by the build plugin)
          -h, --help             show this help

        exit status: 0 on success, 1 for an invalid or unreadable schema or
        configuration, 2 for a usage error.
        """

    /// A usage error: a message for one line of standard error.
    struct UsageError: Error {
        let message: String
    }

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        // The options a configuration file sets, as given, for the error
        // when both are used.
        var configurable: [String] = []
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
            case "--check-build-plan":
                options.action = .checkBuildPlan(try value(for: argument))
            case "--commands", "--events", "--types":
                let names = Set(try value(for: argument).split(separator: ",").map(String.init))
                var subset = options.generator.subset ?? QAPISubset()
                switch argument {
                case "--commands": subset.commands.formUnion(names)
                case "--events": subset.events.formUnion(names)
                default: subset.types.formUnion(names)
                }
                options.generator.subset = subset
                configurable.append(argument)
            case "--client":
                options.generator.client = true
                configurable.append(argument)
            case "--mutable-members":
                options.generator.mutableMembers = true
                configurable.append(argument)
            case "-p", "--prefix":
                options.generator.prefix = try value(for: argument)
                configurable.append(argument)
            case "--access":
                let level = try value(for: argument)
                guard let parsed = SwiftGeneratorOptions.AccessLevel(rawValue: level) else {
                    let names = SwiftGeneratorOptions.AccessLevel.allCases.map { "'\($0.rawValue)'" }
                    let list = names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
                    throw UsageError(message: "unknown access level '\(level)' (use \(list))")
                }
                options.generator.access = parsed
                configurable.append(argument)
            case "-u", "--unmask-non-abi-names":
                options.generator.unmask = true
                configurable.append(argument)
            case "-D":
                options.generator.definedSymbols.insert(try value(for: argument))
                configurable.append(argument)
            case "--diagnostics":
                let style = try value(for: argument)
                guard let parsed = DiagnosticStyle(rawValue: style) else {
                    throw UsageError(message: "unknown diagnostics style '\(style)' (use 'qemu' or 'compiler')")
                }
                options.diagnostics = parsed
            case "--config":
                options.configPath = try value(for: argument)
            case "--package-root":
                options.packageRoot = try value(for: argument)
            case "--build-plan":
                options.buildPlanDirectory = try value(for: argument)
            case _ where argument.hasPrefix("-D"):
                options.generator.definedSymbols.insert(String(argument.dropFirst(2)))
                configurable.append("-D")
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "unknown option '\(argument)'")
                }
                if options.schemaPath != nil {
                    throw UsageError(message: "more than one schema file given ('\(argument)')")
                }
                options.schemaPath = argument
                configurable.append("a schema file")
            }
            index += 1
        }
        try options.checkCombination(configurable: configurable)
        return options
    }

    /// Refuses options that do not go together.
    private func checkCombination(configurable: [String]) throws(UsageError) {
        if case .checkBuildPlan = action { return }
        if configPath != nil {
            if let given = configurable.first {
                throw UsageError(message: "\(given) cannot be combined with --config (the configuration file sets it)")
            }
            return
        }
        if packageRoot != nil { throw UsageError(message: "--package-root needs --config") }
        if schemaPath == nil { throw UsageError(message: "no schema file given") }
    }
}
