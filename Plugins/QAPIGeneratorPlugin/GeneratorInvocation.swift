import Foundation

/// What the plugin asks of `qapi-gen` for one target: arguments, inputs
/// and outputs, worked out from the configuration and the schema's
/// include directives. Independent of PackagePlugin, so it can be
/// reasoned about on plain paths.
struct GeneratorInvocation {
    /// The target's configuration.
    let config: GeneratorConfig
    /// The absolute path of the main schema file.
    let schemaFile: String
    /// The schema's modules, main file first.
    let modules: [SchemaIncludeScanner.Module]
    /// `qapi-gen`'s arguments.
    let arguments: [String]
    /// The files the output depends on (the tool itself aside): the
    /// configuration and every schema file that exists (a missing
    /// include is `qapi-gen`'s to report).
    let inputFiles: [String]
    /// The files `qapi-gen` writes.
    let outputFiles: [String]

    /// Reads the configuration at `configPath`, checks the schema file
    /// it names (relative to `packageDirectory`) and scans its includes.
    init(configPath: String, packageDirectory: String, outputDirectory: String) throws(ConfigError) {
        let config = try GeneratorConfig.load(path: configPath)
        let schemaFile = SchemaPath.resolve(config.schema, against: packageDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schemaFile, isDirectory: &isDirectory) else {
            throw ConfigError(
                file: configPath, message: "key 'schema': schema file '\(config.schema)' not found (at \(schemaFile))")
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: schemaFile) else {
            throw ConfigError(
                file: configPath,
                message: "key 'schema': schema file '\(config.schema)' is not a readable file (at \(schemaFile))")
        }
        let modules = SchemaIncludeScanner(mainFile: schemaFile).modules()

        let outputDirectory = SchemaPath.normalized(outputDirectory)
        var arguments = ["-o", outputDirectory]
        if !config.prefix.isEmpty { arguments += ["-p", config.prefix] }
        if config.unmask { arguments.append("-u") }
        if config.client { arguments.append("--client") }
        for symbol in config.symbols { arguments += ["-D", symbol] }
        arguments += ["--access", config.access.rawValue, "--diagnostics", "compiler", schemaFile]

        self.config = config
        self.schemaFile = schemaFile
        self.modules = modules
        self.arguments = arguments
        self.inputFiles = modules.map(\.path).filter { FileManager.default.fileExists(atPath: $0) } + [configPath]
        self.outputFiles = OutputFiles.paths(in: outputDirectory)
    }
}
