import Foundation

/// A problem with a target's `qapi-gen.json` or the schema it names: the
/// message says which file and which key.
struct ConfigError: Error, CustomStringConvertible, LocalizedError {
    /// The configuration file the problem is in.
    let file: String
    /// What is wrong, naming the key when there is one.
    let message: String

    /// `FILE: MESSAGE`; SwiftPM prints it after `error: ` when the
    /// plugin throws.
    var description: String { "\(file): \(message)" }

    /// The same text for `localizedDescription`.
    var errorDescription: String? { description }
}
