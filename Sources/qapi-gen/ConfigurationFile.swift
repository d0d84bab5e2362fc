import QAPICodegen
import QAPISchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CommandLineOptions {
    /// The options with the schema and the generator options taken from
    /// the `--config` file (unchanged when there is none). The schema
    /// file must exist: its absence is the configuration's error, not the
    /// schema's.
    func applyingConfiguration() throws(QAPIConfigError) -> CommandLineOptions {
        guard let configPath else { return self }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.load(configPath)
        } catch {
            if !Self.exists(configPath) { throw QAPIGeneratorConfig.missingFileError(configPath) }
            throw QAPIGeneratorConfig.unreadableFileError(configPath, reason: error.reason)
        }
        let config = try QAPIGeneratorConfig.parse(bytes, file: configPath)
        let schemaFile = config.schemaFile(packageRoot: packageRoot ?? ".", workingDirectory: WorkingDirectory.path)
        if !Self.isReadableFile(schemaFile) {
            throw config.schemaFileError(configPath, path: schemaFile, exists: Self.exists(schemaFile))
        }
        var options = self
        options.schemaPath = schemaFile
        options.generator = SwiftGeneratorOptions(config)
        return options
    }

    /// Whether anything exists at `path`.
    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether `path` is a file (not a folder) this process may read.
    private static func isReadableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR && access(path, R_OK) == 0
    }
}
