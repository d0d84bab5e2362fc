/// Reads typed values of a configuration object, reporting the key of a
/// value of the wrong type.
struct ConfigKeyReader {
    /// The object's members.
    let members: [String: ConfigValue]
    /// The configuration file, for errors.
    let file: String

    /// The string at `key`, `nil` when absent.
    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let string) = value else { throw wrongType(key, "a string", value) }
        return string
    }

    /// The boolean at `key`, `nil` when absent.
    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = members[key] else { return nil }
        guard case .bool(let bool) = value else { throw wrongType(key, "a boolean", value) }
        return bool
    }

    /// The array of strings at `key`, `nil` when absent.
    func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = members[key] else { return nil }
        guard case .array(let items) = value else { throw wrongType(key, "an array of strings", value) }
        var strings: [String] = []
        for item in items {
            guard case .string(let string) = item else { throw wrongType(key, "an array of strings", value) }
            strings.append(string)
        }
        return strings
    }

    /// The error for `key` holding `value` where `expected` was wanted.
    private func wrongType(_ key: String, _ expected: String, _ value: ConfigValue) -> ConfigError {
        let found = if case .array = value { "an array with a non-string element" } else { value.kindDescription }
        return ConfigError(file: file, message: "key '\(key)' must be \(expected), not \(found)")
    }
}
