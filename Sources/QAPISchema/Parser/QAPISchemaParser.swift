/// The result of reading a schema: every expression (with `include`
/// directives kept as markers) and every documentation block, in order.
public struct QAPIParsedSchema {
    /// Top-level expressions of the root file and everything it includes.
    public var expressions: [QAPIExpression]
    /// Documentation blocks in source order.
    public var docs: [QAPIDoc]
}

/// Reads schema files: lexing, parsing, `include` and `pragma` directives
/// and documentation comments.
public enum QAPISchemaParser {
    /// The deepest nesting of `[` and `{` accepted in one expression.
    public static let maximumNesting = 400

    /// Reads the schema rooted at `fileName` (a path as the user gave it;
    /// diagnostics name files the same way).
    public static func parse(fileName: String) throws(QAPIError) -> QAPIParsedSchema {
        var filesRead: [String] = []
        return try parse(fileName: fileName, filesRead: &filesRead)
    }

    /// Reads the schema rooted at `fileName` as `parse(fileName:)` does,
    /// and sets `filesRead` to the absolute, normalised paths of the files
    /// it read, in the order read, the main file first; when reading
    /// fails, to the files read until then.
    ///
    /// The files are read on several threads at once when they can be
    /// (`SpeculativeSchemaReader`); when that finds anything wrong, they
    /// are read again one after the other, which reports the error QEMU
    /// reports first.
    public static func parse(fileName: String, filesRead: inout [String]) throws(QAPIError) -> QAPIParsedSchema {
        if let read = SpeculativeSchemaReader().read(fileName: fileName) {
            filesRead = read.filesRead
            return read.schema
        }
        return try parseSequentially(fileName: fileName, filesRead: &filesRead)
    }

    /// Reads the schema rooted at `fileName` one file after the other, in
    /// the order QEMU reads them (what `parse(fileName:filesRead:)` falls
    /// back on; tests and the schema fuzz target compare the two).
    package static func parseSequentially(
        fileName: String, filesRead: inout [String]
    ) throws(QAPIError) -> QAPIParsedSchema {
        let included = IncludedFiles()
        defer { filesRead = included.order }
        let source = try load(fileName, includedFrom: nil) { reason in
            QAPIError(nil, "can't read schema file '\(fileName)': \(reason)")
        }
        return try parse(source: source, fileName: fileName, included: included)
    }

    /// Parses schema text held in memory as if read from `fileName`;
    /// includes are still read from disk relative to it.
    public static func parse(text: String, fileName: String) throws(QAPIError) -> QAPIParsedSchema {
        try parse(source: SchemaSource(text: text), fileName: fileName, included: IncludedFiles())
    }

    private static func parse(
        source: SchemaSource, fileName: String, included: IncludedFiles
    ) throws(QAPIError) -> QAPIParsedSchema {
        var file = SchemaFileParser(
            source: source, fileName: fileName,
            info: QAPISourceInfo(fileName: fileName, parent: nil), included: included)
        try file.parse()
        return QAPIParsedSchema(expressions: file.expressions, docs: file.docs)
    }

    /// Reads `path`; an operating-system failure becomes `unreadable(reason)`,
    /// invalid UTF-8 a diagnostic at the offending line and column.
    static func load(
        _ path: String, includedFrom parent: QAPISourceInfo?, unreadable: (String) -> QAPIError
    ) throws(QAPIError) -> SchemaSource {
        do {
            return try SchemaSource.load(path: path)
        } catch {
            switch error {
            case .system(let reason):
                throw unreadable(reason)
            case .invalidUTF8(let offset, let bytes):
                throw invalidUTF8Error(fileName: path, parent: parent, offset: offset, bytes: bytes)
            }
        }
    }

    /// The error for a file that is not UTF-8: its file, line and column.
    static func invalidUTF8Error(
        fileName: String, parent: QAPISourceInfo?, offset: Int, bytes: [UInt8]
    ) -> QAPIError {
        var info = QAPISourceInfo(fileName: fileName, parent: parent)
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            info = info.nextLine()
            lineStart = index + 1
        }
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return QAPIError(info, "invalid UTF-8 byte sequence", column: column)
    }
}

/// Absolute paths of the files read so far, shared by all files of a schema.
final class IncludedFiles {
    private(set) var paths: Set<String> = []
    /// The same paths in the order the files were read.
    private(set) var order: [String] = []
    /// The working directory, which relative file names are taken against.
    let workingDirectory: String

    /// An empty set; relative file names are taken against `workingDirectory`.
    init(workingDirectory: String = WorkingDirectory.path) {
        self.workingDirectory = workingDirectory
    }

    /// `os.path.abspath(path)`.
    func absolute(_ path: String) -> String {
        QAPIPath.absoluteNormalized(path, cwd: workingDirectory)
    }

    /// Whether including the file at `absolute` on the line of `info`
    /// would include a file in itself: `info`'s file or a file that
    /// includes it is that file.
    func isLoop(_ absolute: String, at info: QAPISourceInfo) -> Bool {
        var site: QAPISourceInfo? = info
        while let current = site {
            if absolute == self.absolute(current.fileName) { return true }
            site = current.parent
        }
        return false
    }

    /// Notes that the file at `path` is being read.
    func insert(_ path: String) {
        let absolute = absolute(path)
        if paths.insert(absolute).inserted { order.append(absolute) }
    }
}

/// Parses one schema file and, with `.follow` handling, recursively the
/// files it includes.
struct SchemaFileParser {
    /// What the parser does with `include` directives and pragmas.
    enum DirectiveHandling {
        /// Reads each included file at once and applies each pragma: the
        /// sequential reading.
        case follow
        /// Notes them in `directives`, reading and changing nothing else
        /// (a file parsed on its own, by `SpeculativeSchemaReader`).
        case note
    }

    let fileName: String
    var lexer: SchemaLexer
    let included: IncludedFiles
    let handling: DirectiveHandling
    private(set) var expressions: [QAPIExpression] = []
    private(set) var docs: [QAPIDoc] = []
    /// The directives noted (`.note` handling), in file order.
    private(set) var directives: [SchemaDirective] = []

    init(
        source: SchemaSource, fileName: String, info: QAPISourceInfo, included: IncludedFiles,
        handling: DirectiveHandling = .follow
    ) {
        self.fileName = fileName
        self.lexer = SchemaLexer(source: source, info: info)
        self.included = included
        self.handling = handling
        included.insert(fileName)
    }

    /// Parses the whole file.
    mutating func parse() throws(QAPIError) {
        var pendingDoc: QAPIDoc?
        try lexer.advance()
        while lexer.token != .end {
            let info = lexer.info
            if lexer.token == .comment {
                try Self.rejectDefinitionDoc(pendingDoc)
                let doc = try parseDoc()
                docs.append(doc)
                pendingDoc = doc
                continue
            }
            guard case .object(let members) = try parseValue(depth: 0) else {
                throw QAPIError(info, "top-level expression must be an object")
            }
            if let include = members["include"] {
                try Self.rejectDefinitionDoc(pendingDoc)
                try parseInclude(include, members: members, info: info)
            } else if let pragma = members["pragma"] {
                try Self.rejectDefinitionDoc(pendingDoc)
                if members.count != 1 { throw QAPIError(info, "invalid 'pragma' directive") }
                guard case .object(let settings) = pragma else {
                    throw QAPIError(info, "value of 'pragma' must be an object")
                }
                for (name, value) in settings {
                    let setting = try QAPIPragmaSetting(name: name, value: value, info: info)
                    switch handling {
                    case .follow: setting.apply(to: info.pragma)
                    case .note: directives.append(.pragma(setting))
                    }
                }
            } else {
                if let doc = pendingDoc, doc.symbol == nil {
                    throw QAPIError(doc.info, "definition documentation required")
                }
                expressions.append(QAPIExpression(members: members, info: info, doc: pendingDoc))
            }
            pendingDoc = nil
        }
        try Self.rejectDefinitionDoc(pendingDoc)
    }

    private static func rejectDefinitionDoc(_ doc: QAPIDoc?) throws(QAPIError) {
        if let doc, let symbol = doc.symbol {
            throw QAPIError(doc.info, "documentation for '\(symbol)' is not followed by the definition")
        }
    }

    private mutating func parseInclude(
        _ value: SchemaValue, members: SchemaObject, info: QAPISourceInfo
    ) throws(QAPIError) {
        if members.count != 1 { throw QAPIError(info, "invalid 'include' directive") }
        guard case .string(let include) = value else {
            throw QAPIError(info, "value of 'include' must be a string")
        }
        let path = QAPIPath.join(QAPIPath.directoryName(fileName), include)
        expressions.append(
            QAPIExpression(
                members: SchemaObject([("include", .string(path))]), info: info, doc: nil))

        let absolute = included.absolute(path)
        if included.isLoop(absolute, at: info) { throw QAPIError(info, "inclusion loop for \(include)") }
        if handling == .note {
            directives.append(
                .include(
                    path: path, absolute: absolute, info: info, expressionCount: expressions.count,
                    docCount: docs.count))
            return
        }
        if included.paths.contains(absolute) { return }

        let source = try QAPISchemaParser.load(path, includedFrom: info) { reason in
            QAPIError(info, "can't read include file '\(path)': \(reason)")
        }
        var child = SchemaFileParser(
            source: source, fileName: path,
            info: QAPISourceInfo(fileName: path, parent: info), included: included)
        try child.parse()
        expressions.append(contentsOf: child.expressions)
        docs.append(contentsOf: child.docs)
    }

    // MARK: Values

    /// Parses one value at the current token.
    mutating func parseValue(depth: Int) throws(QAPIError) -> SchemaValue {
        switch lexer.token {
        case .punctuation(UInt8(ascii: "{")):
            try enter(depth)
            try lexer.advance()
            return .object(try parseMembers(depth: depth + 1))
        case .punctuation(UInt8(ascii: "[")):
            try enter(depth)
            try lexer.advance()
            return .list(try parseElements(depth: depth + 1))
        case .string:
            let text = lexer.stringValue
            try lexer.advance()
            return .string(text)
        case .bool:
            let flag = lexer.boolValue
            try lexer.advance()
            return .bool(flag)
        default:
            throw lexer.error("expected '{', '[', string, or boolean")
        }
    }

    private func enter(_ depth: Int) throws(QAPIError) {
        if depth >= QAPISchemaParser.maximumNesting { throw lexer.error("expression nested too deeply") }
    }

    private mutating func parseMembers(depth: Int) throws(QAPIError) -> SchemaObject {
        var object = SchemaObject()
        if lexer.token == .punctuation(UInt8(ascii: "}")) {
            try lexer.advance()
            return object
        }
        guard lexer.token == .string else { throw lexer.error("expected string or '}'") }
        while true {
            let key = lexer.stringValue
            try lexer.advance()
            guard lexer.token == .punctuation(UInt8(ascii: ":")) else { throw lexer.error("expected ':'") }
            try lexer.advance()
            if object.contains(key) { throw lexer.error("duplicate key '\(key)'") }
            object[key] = try parseValue(depth: depth)
            if lexer.token == .punctuation(UInt8(ascii: "}")) {
                try lexer.advance()
                return object
            }
            guard lexer.token == .punctuation(UInt8(ascii: ",")) else {
                throw lexer.error("expected ',' or '}'")
            }
            try lexer.advance()
            guard lexer.token == .string else { throw lexer.error("expected string") }
        }
    }

    private mutating func parseElements(depth: Int) throws(QAPIError) -> [SchemaValue] {
        var elements: [SchemaValue] = []
        if lexer.token == .punctuation(UInt8(ascii: "]")) {
            try lexer.advance()
            return elements
        }
        switch lexer.token {
        case .punctuation(UInt8(ascii: "{")), .punctuation(UInt8(ascii: "[")), .string, .bool:
            break
        default:
            throw lexer.error("expected '{', '[', ']', string, or boolean")
        }
        while true {
            elements.append(try parseValue(depth: depth))
            if lexer.token == .punctuation(UInt8(ascii: "]")) {
                try lexer.advance()
                return elements
            }
            guard lexer.token == .punctuation(UInt8(ascii: ",")) else {
                throw lexer.error("expected ',' or ']'")
            }
            try lexer.advance()
        }
    }
}
