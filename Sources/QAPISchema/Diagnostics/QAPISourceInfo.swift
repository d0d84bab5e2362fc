/// Where a piece of schema text comes from: file, line, the include chain
/// that led to the file, and (once the expression checks have named it)
/// the definition the line belongs to.
///
/// Mirrors the location model of QEMU's generator: every line of a file
/// gets its own info value, the pragma settings are shared by every file
/// of one schema, and the definition name is filled in by the checks so
/// that later diagnostics can say "In struct 'X':".
public final class QAPISourceInfo {
    /// What every line of one file shares.
    private final class File {
        let name: String
        /// Changed only by `reparent(to:)`, while files are put together.
        var parent: QAPISourceInfo?
        let pragma: QAPIPragma

        init(name: String, parent: QAPISourceInfo?, pragma: QAPIPragma) {
            self.name = name
            self.parent = parent
            self.pragma = pragma
        }
    }

    private let file: File
    /// One-based line number.
    public let line: Int
    /// Meta-type of the definition this line starts (`struct`, `command`, ...).
    public private(set) var definitionMeta: String?
    /// Name of the definition this line starts.
    public private(set) var definitionName: String?

    /// The file name as it was reached (the root as given, includes joined
    /// to the including file's directory).
    public var fileName: String { file.name }
    /// The `include` directive's location that brought this file in, if any.
    public var parent: QAPISourceInfo? { file.parent }
    /// Pragma settings, shared by all files of the schema.
    public var pragma: QAPIPragma { file.pragma }

    /// Creates the info for the first line of `fileName`.
    public init(fileName: String, parent: QAPISourceInfo?) {
        file = File(name: fileName, parent: parent, pragma: parent?.pragma ?? QAPIPragma())
        line = 1
    }

    private init(copying other: QAPISourceInfo, line: Int) {
        file = other.file
        self.line = line
        definitionMeta = other.definitionMeta
        definitionName = other.definitionName
    }

    /// The info for the following line of the same file.
    public func nextLine() -> QAPISourceInfo {
        QAPISourceInfo(copying: self, line: line + 1)
    }

    /// The info for line `line` of the same file.
    func atLine(_ line: Int) -> QAPISourceInfo {
        line == self.line ? self : QAPISourceInfo(copying: self, line: line)
    }

    /// Makes `parent` the `include` line that brought in this line's file,
    /// for every line of the file: a file parsed on its own for one
    /// inclusion serves another (`SpeculativeSchemaReader`).
    func reparent(to parent: QAPISourceInfo) {
        file.parent = parent
    }

    /// Records the definition this line starts.
    public func setDefinition(meta: String, name: String) {
        definitionMeta = meta
        definitionName = name
    }

    /// A value snapshot of this location, for diagnostics.
    public var location: QAPISourceLocation {
        var chain: [QAPISourceLocation.Site] = []
        var cursor = parent
        while let site = cursor {
            chain.insert(.init(fileName: site.fileName, line: site.line), at: 0)
            cursor = site.parent
        }
        return QAPISourceLocation(
            fileName: fileName, line: line, includeChain: chain,
            definitionMeta: definitionMeta, definitionName: definitionName)
    }
}

/// Pragma settings of a schema (`{ 'pragma': { ... } }`).
public final class QAPIPragma {
    /// `doc-required`: every definition must have documentation.
    public var docRequired = false
    /// `command-name-exceptions`: commands allowed to use `_` in their names.
    public var commandNameExceptions: [String] = []
    /// `command-returns-exceptions`: commands allowed to return a non-object.
    public var commandReturnsExceptions: [String] = []
    /// `documentation-exceptions`: definitions allowed undocumented members.
    public var documentationExceptions: [String] = []
    /// `member-name-exceptions`: types allowed member names that break the rules.
    public var memberNameExceptions: [String] = []

    /// Creates default settings.
    public init() {}
}

/// An immutable, sendable snapshot of a `QAPISourceInfo`, carried by errors.
public struct QAPISourceLocation: Sendable, Hashable {
    /// A file and line, as in one step of an include chain.
    public struct Site: Sendable, Hashable {
        /// The file name as reached.
        public let fileName: String
        /// One-based line number.
        public let line: Int
    }

    /// The file name as reached.
    public let fileName: String
    /// One-based line number.
    public let line: Int
    /// The `include` directives leading here, outermost first.
    public let includeChain: [Site]
    /// Meta-type of the enclosing definition, if known.
    public let definitionMeta: String?
    /// Name of the enclosing definition, if known.
    public let definitionName: String?
}
