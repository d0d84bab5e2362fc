/// A schema error: what is wrong and, where known, the place it is wrong.
///
/// One model, two renderings: `qemuDescription` is QEMU's text (include
/// chain, "In struct 'X':", `file:line[:col]: message`), matched byte for
/// byte by `qapi-gen --dump`; `compilerDescription` is the
/// `path:line:col: error: message` form that SwiftPM and Xcode attach to
/// the schema line.
public struct QAPIError: Error, Sendable, Hashable {
    /// The location, or `nil` for errors about the schema as a whole
    /// (such as an unreadable root file).
    public let location: QAPISourceLocation?
    /// One-based column, for errors found while reading the text.
    public let column: Int?
    /// The message, in QEMU's words.
    public let message: String

    /// An error at `info` (snapshotted now), optionally at a column.
    public init(_ info: QAPISourceInfo?, _ message: String, column: Int? = nil) {
        self.location = info?.location
        self.column = column
        self.message = message
    }

    /// QEMU's rendering of the error.
    public var qemuDescription: String {
        guard let location else { return message }
        var text = ""
        for site in location.includeChain {
            text += "In file included from \(site.fileName):\(site.line):\n"
        }
        if let name = location.definitionName, let meta = location.definitionMeta {
            text += "\(location.fileName): In \(meta) '\(name)':\n"
        }
        text += "\(location.fileName):\(location.line)"
        if let column { text += ":\(column)" }
        return text + ": " + message
    }

    /// The compiler rendering: `path:line:col: error: message`, followed by
    /// `note:` lines for the enclosing definition and the include chain.
    public var compilerDescription: String {
        guard let location else { return "error: " + message }
        var text = "\(location.fileName):\(location.line):\(column ?? 1): error: \(message)"
        if let name = location.definitionName, let meta = location.definitionMeta {
            text += "\n\(location.fileName):\(location.line):1: note: in \(meta) '\(name)'"
        }
        for site in location.includeChain.reversed() {
            text += "\n\(site.fileName):\(site.line):1: note: in file included from here"
        }
        return text
    }
}
