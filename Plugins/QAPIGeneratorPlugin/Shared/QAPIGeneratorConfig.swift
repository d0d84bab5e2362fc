// Compiled into the build plugin and, through a symbolic link to this
// file, into QAPICodegen: the one description of a target's
// `qapi-gen.json`, its keys and its checks. `qapi-gen --config` applies
// it when it runs; the plugin reads only the schema's place from it. It
// must not import anything.

/// A problem with a configuration file: which file, where in it when
/// known, and what is wrong (naming the key when there is one).
public struct QAPIConfigError: Error, Sendable, Hashable {
    /// The configuration file.
    public let file: String
    /// Where in the file, when the problem has a place.
    public let position: QAPIConfigPosition?
    /// What is wrong.
    public let message: String

    /// An error in `file`, at `position` when given.
    public init(file: String, position: QAPIConfigPosition? = nil, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE` (or `FILE: error: MESSAGE`), the
    /// form SwiftPM and Xcode show as a diagnostic on the file.
    public var compilerDescription: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): error: \(message)"
    }
}

/// The contents of a target's `qapi-gen.json`: which schema to compile
/// and how.
public struct QAPIGeneratorConfig: Sendable {
    /// The keys a configuration may have.
    public enum Key: String, Sendable, CaseIterable {
        /// The main schema file, relative to the package root (required).
        case schema
        /// The symbols `if` conditions see as defined.
        case symbols
        /// Whether introspection keeps type names unmasked.
        case unmask
        /// The access level of the generated declarations.
        case access
        /// The prefix of the generated per-schema names.
        case prefix
        /// Whether to generate the typed client.
        case client
        /// Whether generated members are `var` instead of `let`.
        case mutableMembers = "mutable-members"
        /// Generate only these commands (a subset), with what they reach.
        case commands
        /// Generate only these events (a subset), with what they reach.
        case events
        /// Generate these types too (a subset), with what they reach.
        case types
    }

    /// The configuration file's name in a target's source directory.
    public static let fileName = "qapi-gen.json"

    /// The main schema file, relative to the package root.
    public var schema: String
    /// The symbols `if` conditions see as defined.
    public var symbols: [String] = []
    /// Whether introspection keeps type names unmasked.
    public var unmask = false
    /// The access level of the generated declarations.
    public var access = QAPIAccessLevel.public
    /// The prefix of the generated per-schema names.
    public var prefix = ""
    /// Whether to generate the typed client.
    public var client = false
    /// Whether generated members are `var` instead of `let`.
    public var mutableMembers = false
    /// The commands, events and types of a subset; all nil when the
    /// whole schema is generated (any of them given makes a subset, the
    /// others then count as empty).
    public var commands: [String]?
    /// The events of a subset.
    public var events: [String]?
    /// The types of a subset.
    public var types: [String]?
    /// Where each key's value starts in the file it was read from.
    public private(set) var positions: [Key: QAPIConfigPosition] = [:]

    /// A configuration naming `schema` and leaving everything else at
    /// its default.
    public init(schema: String) {
        self.schema = schema
    }

    /// The absolute, normalised path of the schema file: the schema path
    /// taken relative to `packageRoot`, itself taken relative to
    /// `workingDirectory` unless absolute.
    public func schemaFile(packageRoot: String, workingDirectory: String) -> String {
        QAPIPath.absoluteNormalized(QAPIPath.join(packageRoot, schema), cwd: workingDirectory)
    }

    /// Checks and reads a configuration file's bytes; `file` names it in
    /// errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(QAPIConfigError) -> QAPIGeneratorConfig {
        let root: QAPIConfigValue
        do {
            root = try QAPIConfigJSONReader.read(bytes)
        } catch {
            throw QAPIConfigError(file: file, position: error.position, message: "not valid JSON (\(error.reason))")
        }
        guard case .object(let members) = root.kind else {
            throw QAPIConfigError(
                file: file, position: root.position,
                message: "the configuration must be a JSON object, not \(root.kindDescription)")
        }
        var values: [Key: QAPIConfigValue] = [:]
        for member in members {
            guard let key = Key(rawValue: member.key) else {
                let known = Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw QAPIConfigError(
                    file: file, position: member.keyPosition,
                    message: "unknown key '\(member.key)' (known keys: \(known))")
            }
            guard values[key] == nil else {
                throw QAPIConfigError(
                    file: file, position: member.keyPosition, message: "key '\(key.rawValue)' appears twice")
            }
            values[key] = member.value
        }
        let reader = KeyReader(values: values, file: file)
        guard let schema = try reader.string(.schema) else {
            throw QAPIConfigError(
                file: file, position: root.position,
                message: "missing required key '\(Key.schema.rawValue)' "
                    + "(the schema file, relative to the package root)")
        }
        if schema.isEmpty || schema.hasPrefix("/") {
            throw reader.error(
                .schema, "key '\(Key.schema.rawValue)' must be a path relative to the package root, not '\(schema)'")
        }
        var config = QAPIGeneratorConfig(schema: schema)
        config.symbols = try reader.stringArray(.symbols) ?? []
        config.unmask = try reader.bool(.unmask) ?? false
        config.prefix = try reader.string(.prefix) ?? ""
        config.client = try reader.bool(.client) ?? false
        config.mutableMembers = try reader.bool(.mutableMembers) ?? false
        config.commands = try reader.stringArray(.commands)
        config.events = try reader.stringArray(.events)
        config.types = try reader.stringArray(.types)
        if let access = try reader.string(.access) {
            guard let level = QAPIAccessLevel(rawValue: access) else {
                let levels = QAPIAccessLevel.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw reader.error(.access, "key '\(Key.access.rawValue)' must be one of \(levels), not \"\(access)\"")
            }
            config.access = level
        }
        config.positions = values.mapValues(\.position)
        return config
    }

    /// The error for a configuration file that does not exist.
    public static func missingFileError(_ file: String) -> QAPIConfigError {
        QAPIConfigError(
            file: file,
            message: "missing configuration: a target using QAPIGeneratorPlugin needs a '\(fileName)' "
                + "file in its source directory, e.g. {\"\(Key.schema.rawValue)\": \"qapi/qapi-schema.json\"}")
    }

    /// The error for a configuration file that exists but cannot be read.
    public static func unreadableFileError(_ file: String, reason: String) -> QAPIConfigError {
        QAPIConfigError(file: file, message: "cannot read the configuration file: \(reason)")
    }

    /// The error for a schema file that does not exist, or (`isFile`
    /// false) is not a readable file; `path` is where it was looked for.
    public func schemaFileError(_ file: String, path: String, exists: Bool) -> QAPIConfigError {
        let problem = exists ? "is not a readable file" : "not found"
        return QAPIConfigError(
            file: file, position: positions[.schema],
            message: "key '\(Key.schema.rawValue)': schema file '\(schema)' \(problem) (at \(path))")
    }

    /// Reads typed values of the configuration's members, reporting the
    /// key of a value of the wrong type.
    private struct KeyReader {
        /// The members' values by key.
        let values: [Key: QAPIConfigValue]
        /// The configuration file, for errors.
        let file: String

        /// The string at `key`, `nil` when absent.
        func string(_ key: Key) throws(QAPIConfigError) -> String? {
            guard let value = values[key] else { return nil }
            guard case .string(let string) = value.kind else { throw wrongType(key, "a string", value) }
            return string
        }

        /// The boolean at `key`, `nil` when absent.
        func bool(_ key: Key) throws(QAPIConfigError) -> Bool? {
            guard let value = values[key] else { return nil }
            guard case .bool(let bool) = value.kind else { throw wrongType(key, "a boolean", value) }
            return bool
        }

        /// The array of strings at `key`, `nil` when absent.
        func stringArray(_ key: Key) throws(QAPIConfigError) -> [String]? {
            guard let value = values[key] else { return nil }
            guard case .array(let items) = value.kind else { throw wrongType(key, "an array of strings", value) }
            var strings: [String] = []
            for item in items {
                guard case .string(let string) = item.kind else {
                    throw QAPIConfigError(
                        file: file, position: item.position,
                        message: "key '\(key.rawValue)' must be an array of strings, "
                            + "not an array with a non-string element")
                }
                strings.append(string)
            }
            return strings
        }

        /// An error about the value of `key`, placed at that value.
        func error(_ key: Key, _ message: String) -> QAPIConfigError {
            QAPIConfigError(file: file, position: values[key]?.position, message: message)
        }

        /// The error for `key` holding `value` where `expected` was wanted.
        private func wrongType(_ key: Key, _ expected: String, _ value: QAPIConfigValue) -> QAPIConfigError {
            error(key, "key '\(key.rawValue)' must be \(expected), not \(value.kindDescription)")
        }
    }
}
