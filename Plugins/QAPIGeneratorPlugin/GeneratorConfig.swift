import Foundation

/// The contents of a target's `qapi-gen.json`: which schema to compile
/// and how.
struct GeneratorConfig: Equatable {
    /// The access level of the generated declarations (`--access`).
    enum AccessLevel: String, CaseIterable {
        /// `public` declarations, for a library others import.
        case `public`
        /// `package` declarations, visible within the package.
        case package
        /// `internal` declarations, for the target's own use.
        case `internal`
    }

    /// The configuration file's name in a target's source directory.
    static let fileName = "qapi-gen.json"

    /// The keys a configuration may have.
    static let knownKeys = ["schema", "symbols", "unmask", "access", "prefix", "client"]

    /// The main schema file, relative to the package root.
    var schema: String
    /// The symbols `if` conditions see as defined (`-D`).
    var symbols: [String] = []
    /// Whether introspection keeps type names unmasked (`-u`).
    var unmask = false
    /// The access level of the generated declarations.
    var access = AccessLevel.public
    /// The prefix of the generated per-schema names (`-p`).
    var prefix = ""
    /// Whether to generate the typed client (`--client`).
    var client = false

    /// Reads and checks the configuration file at `path`.
    static func load(path: String) throws(ConfigError) -> GeneratorConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(
                file: path,
                message: "missing configuration: a target using QAPIGeneratorPlugin needs a '\(fileName)' "
                    + "file in its source directory, e.g. {\"schema\": \"qapi/qapi-schema.json\"}")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "cannot read the configuration file")
        }
        return try parse(data, file: path)
    }

    /// Checks and decodes a configuration's JSON text; `file` names it in errors.
    static func parse(_ data: Data, file: String) throws(ConfigError) -> GeneratorConfig {
        let root: ConfigValue
        do {
            root = try JSONDecoder().decode(ConfigValue.self, from: data)
        } catch {
            throw ConfigError(file: file, message: "not valid JSON (\(describe(error)))")
        }
        guard case .object(let members) = root else {
            throw ConfigError(file: file, message: "the configuration must be a JSON object, not \(root.kindDescription)")
        }
        if let unknown = members.keys.filter({ !knownKeys.contains($0) }).sorted().first {
            throw ConfigError(
                file: file,
                message: "unknown key '\(unknown)' (known keys: \(knownKeys.joined(separator: ", ")))")
        }
        let reader = ConfigKeyReader(members: members, file: file)
        guard let schema = try reader.string("schema") else {
            throw ConfigError(
                file: file, message: "missing required key 'schema' (the schema file, relative to the package root)")
        }
        var config = GeneratorConfig(schema: schema)
        config.symbols = try reader.stringArray("symbols") ?? []
        config.unmask = try reader.bool("unmask") ?? false
        config.prefix = try reader.string("prefix") ?? ""
        config.client = try reader.bool("client") ?? false
        if let access = try reader.string("access") {
            guard let level = AccessLevel(rawValue: access) else {
                let levels = AccessLevel.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw ConfigError(file: file, message: "key 'access' must be one of \(levels), not \"\(access)\"")
            }
            config.access = level
        }
        try config.validate(file: file)
        return config
    }

    /// Checks the values' contents beyond their types.
    private func validate(file: String) throws(ConfigError) {
        if schema.isEmpty || schema.hasPrefix("/") {
            throw ConfigError(
                file: file, message: "key 'schema' must be a path relative to the package root, not '\(schema)'")
        }
        if prefix.contains("/") {
            throw ConfigError(file: file, message: "key 'prefix' must not contain '/' (it starts file names)")
        }
        if let bad = symbols.first(where: { $0.isEmpty || $0.hasPrefix("-") }) {
            throw ConfigError(file: file, message: "key 'symbols' has an invalid symbol name '\(bad)'")
        }
    }

    /// A short reason for a JSON decoding failure.
    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey]
            return (underlying as? String) ?? context.debugDescription
        }
        return String(describing: error)
    }
}
