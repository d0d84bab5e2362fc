import QAPIRuntime

/// A command the server answered with an error: the command's name and
/// the server's error class and description, as QEMU sent them.
public struct QMPCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command's wire name (`query-status`).
    public var command: String
    /// The error class; open-ended, so a class no schema lists is kept.
    public var errorClass: QMPErrorClass
    /// The server's description, unchanged.
    public var desc: String

    /// The error the server sent for `command`.
    public init(command: String, error: QMPError) {
        self.command = command
        self.errorClass = error.errorClass
        self.desc = error.desc
    }

    /// The server's error alone, without the command.
    public var qmpError: QMPError { QMPError(errorClass, desc) }

    /// `query-foo failed: CommandNotFound: The command query-foo has not been found`.
    public var description: String {
        "\(command) failed: \(errorClass): \(desc)"
    }
}
