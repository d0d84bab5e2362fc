/// Parsing of documentation comments (`##` blocks) into `QAPIDoc` values.
extension SchemaFileParser {
    /// The current comment line without `# `, trailing whitespace removed;
    /// `""` for a bare `#`, `nil` at the closing `##`.
    private func docLine() throws(QAPIError) -> String? {
        guard lexer.token == .comment else {
            throw lexer.error("documentation comment must end with '##'")
        }
        let line = lexer.commentBytes
        let start = line.startIndex
        if line.count == 1 { return "" }
        if line[start + 1] == UInt8(ascii: "#") {
            if line.count != 2 { throw lexer.error("junk after '##' at end of documentation comment") }
            return nil
        }
        if line[start + 1] != UInt8(ascii: " ") {
            throw lexer.error("missing space after #")
        }
        var end = line.endIndex
        while end > start + 2, Self.isASCIIPythonSpace(line[end - 1]) { end -= 1 }
        let text = String(decoding: line[(start + 2)..<end], as: UTF8.self)
        return end > start + 2 && line[end - 1] >= 0x80 ? text.pythonRStripped() : text
    }

    /// Whether an ASCII byte is whitespace to Python's `str.isspace()`.
    private static func isASCIIPythonSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }

    private mutating func nextDocLine() throws(QAPIError) -> String? {
        try lexer.advance(skipComments: false)
        return try docLine()
    }

    /// Matches `@name:` followed by spaces at the start of `line`; returns
    /// the name and the rest of the line.
    private static func matchNameColon(_ line: String) -> (name: String, rest: String)? {
        let bytes = line.utf8
        guard bytes.first == UInt8(ascii: "@"), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            return nil
        }
        let name = String(line[bytes.index(after: bytes.startIndex)..<colon])
        var restStart = bytes.index(after: colon)
        while restStart < bytes.endIndex, bytes[restStart] == UInt8(ascii: " ") {
            restStart = bytes.index(after: restStart)
        }
        return (name, String(line[restStart...]))
    }

    /// Matches a section tag (`Returns:`, `Since:`, ...; not `Tag::`) at the
    /// start of `line`; returns the tag and the rest of the line.
    private static func matchSectionTag(_ line: String) -> (tag: String, rest: String)? {
        let bytes = line.utf8
        guard let first = bytes.first, "RESNT".utf8.contains(first) else { return nil }
        for tag in ["Returns", "Errors", "Since", "Notes", "Note", "Examples", "Example", "TODO"] {
            guard bytes.starts(with: tag.utf8) else { continue }
            let after = bytes.dropFirst(tag.utf8.count)
            guard after.first == UInt8(ascii: ":"), after.dropFirst().first != UInt8(ascii: ":") else { continue }
            let rest = after.dropFirst().drop { $0 == UInt8(ascii: " ") }
            return (tag, String(line[rest.startIndex...]))
        }
        return nil
    }

    /// Reads the indented continuation lines of a description or tagged
    /// section; returns the first line that does not belong to it.
    private mutating func docIndented(_ doc: QAPIDoc) throws(QAPIError) -> String? {
        var line = try nextDocLine()
        while line == "" {
            doc.appendLine("")
            line = try nextDocLine()
        }
        guard let first = line else { return nil }
        let indent = first.pythonLeadingSpaceCount
        if indent == 0 { return first }
        doc.appendLine(first)
        var previousBlank = false
        while true {
            guard let current = try nextDocLine() else { return nil }
            if Self.matchNameColon(current) != nil { return current }
            if !current.isEmpty && current.pythonLeadingSpaceCount < indent {
                if previousBlank { return current }
                throw lexer.error("unexpected de-indent (expected at least \(indent) spaces)")
            }
            doc.appendLine(current)
            previousBlank = true
        }
    }

    /// Reads the rest of a plain paragraph; returns the line after it.
    private mutating func docParagraph(_ doc: QAPIDoc) throws(QAPIError) -> String? {
        while true {
            guard let line = try nextDocLine() else { return nil }
            if line.isEmpty { return line }
            doc.appendLine(line)
        }
    }

    /// Parses the documentation block at the current `##` token.
    mutating func parseDoc() throws(QAPIError) -> QAPIDoc {
        if !lexer.commentBytes.elementsEqual("##".utf8) {
            throw lexer.error("junk after '##' at start of documentation comment")
        }
        let info = lexer.info
        var line = try nextDocLine()
        let doc: QAPIDoc
        if let first = line, first.hasPrefix("@") {
            if !first.hasSuffix(":") { throw lexer.error("line should end with ':'") }
            let symbol = String(first.dropFirst().dropLast())
            if symbol.isEmpty { throw lexer.error("name required after '@'") }
            doc = QAPIDoc(info: info, symbol: symbol)
            line = try nextDocLine()
            try parseDefinitionSections(doc, from: line)
        } else {
            doc = QAPIDoc(info: info)
            doc.ensureUntaggedSection(lexer.info)
            var first = true
            while let current = line {
                if let match = Self.matchNameColon(current) {
                    throw lexer.error("'@\(match.name):' not allowed in free-form documentation")
                }
                if current.hasPrefix("=") && !first {
                    throw lexer.error("'=' heading must come first in a comment block")
                }
                doc.appendLine(current)
                line = try nextDocLine()
                first = false
            }
        }
        try lexer.advance()
        try doc.end()
        return doc
    }

    private mutating func parseDefinitionSections(_ doc: QAPIDoc, from start: String?) throws(QAPIError) {
        var line = start
        var noMoreArguments = false
        while line != nil {
            while line == "" { line = try nextDocLine() }
            guard let current = line else { break }
            if current == "Features:" {
                if !doc.features.isEmpty { throw lexer.error("duplicated 'Features:' line") }
                line = try nextDocLine()
                while line == "" { line = try nextDocLine() }
                while let text = line, let match = Self.matchNameColon(text) {
                    try doc.newFeature(lexer.info, name: match.name)
                    if !match.rest.isEmpty { doc.appendLine(match.rest) }
                    line = try docIndented(doc)
                }
                if doc.features.isEmpty { throw lexer.error("feature descriptions expected") }
                noMoreArguments = true
            } else if let match = Self.matchNameColon(current) {
                if noMoreArguments {
                    throw lexer.error("description of '@\(match.name):' follows a section")
                }
                while let text = line, let match = Self.matchNameColon(text) {
                    try doc.newArgument(lexer.info, name: match.name)
                    if !match.rest.isEmpty { doc.appendLine(match.rest) }
                    line = try docIndented(doc)
                }
                noMoreArguments = true
            } else if let match = Self.matchSectionTag(current) {
                if match.tag.hasPrefix("Note") {
                    throw lexer.error(
                        "The '\(match.tag)' section is no longer supported. Please use rST's "
                            + "'.. note::' or '.. admonition:: notes' directives, or another "
                            + "suitable admonition instead.")
                }
                if match.tag.hasPrefix("Example") {
                    throw lexer.error(
                        "The '\(match.tag)' section is no longer supported. Please use the "
                            + "'.. qmp-example::' directive, or other suitable markup instead.")
                }
                try doc.newTaggedSection(lexer.info, kind: QAPIDoc.Kind(tag: match.tag)!)
                if !match.rest.isEmpty { doc.appendLine(match.rest) }
                line = try docIndented(doc)
                noMoreArguments = true
            } else if current.hasPrefix("=") {
                throw lexer.error("unexpected '=' markup in definition documentation")
            } else {
                doc.ensureUntaggedSection(lexer.info)
                doc.appendLine(current)
                line = try docParagraph(doc)
            }
        }
    }
}
