import Foundation

/// A problem the plugin finds while SwiftPM plans the build; SwiftPM
/// prints it as `error: MESSAGE` and stops planning.
struct PluginError: Error, CustomStringConvertible, LocalizedError {
    /// What is wrong and what to do, naming the file or folder concerned.
    let message: String

    /// The message.
    var description: String { message }

    /// The same text for `localizedDescription`.
    var errorDescription: String? { message }
}
