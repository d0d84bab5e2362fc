import QAPISchema

/// Emits the `query-qmp-schema` data as one compact JSON payload (a raw
/// string literal, one SchemaInfo per line) that the runtime parses once
/// on first use, with, when type names are masked, the real name behind
/// each number, so that a server can combine schemas and serve subsets.
struct SwiftIntrospectionEmitter {
    let context: SwiftGenerationContext

    func emit(into writer: inout SwiftCodeWriter) {
        let access = context.access
        let options = context.options
        // Built once: the masked names are those of every entry, whatever
        // its condition, and the payload holds the entries the defined
        // symbols keep.
        let allEntries = QAPIIntrospection.schemaInfo(
            for: context.schema, unmask: options.unmask, subset: options.subset)
        let entries = QAPIIntrospection.evaluate(allEntries, definedSymbols: options.definedSymbols)
        let json = QAPIIntrospection.renderJSON(entries)
        writer.line()
        writer.line(
            "/// The schema as `query-qmp-schema` returns it\(options.unmask ? "" : ", type names masked to numbers").")
        writer.block("\(access)enum \(context.introspectionName) {") { writer in
            writer.line("/// The return value of `query-qmp-schema` for the whole schema, parsed on first use.")
            var opening = "\(access)static let schema = \(context.runtime("QMPSchemaIntrospection"))("
            if options.unmask {
                writer.line(opening + "json:")
                writer.appendRaw(Self.rawLiteral(json) + ")\n")
                return
            }
            opening += "json:"
            writer.line(opening)
            writer.appendRaw(Self.rawLiteral(json) + ",\n")
            writer.line("maskedTypeNames:")
            let names = Self.maskedTypeNames(allEntries)
            writer.appendRaw(Self.rawLiteral(names.joined(separator: "\n")) + ")\n")
        }
    }

    /// The real name behind each masked number of `entries` (masked and
    /// with their conditions kept), in number order.
    static func maskedTypeNames(_ entries: [IntrospectionEntry]) -> [String] {
        var names: [Int: String] = [:]
        for entry in entries {
            if let number = Int(entry.name) { names[number] = entry.schemaName }
        }
        return (0..<(names.keys.max().map { $0 + 1 } ?? 0)).map { names[$0] ?? "" }
    }

    /// `text` as a multi-line raw string literal, unindented: a
    /// multi-line string's closing delimiter sets the indentation to
    /// strip, and the payload must keep none.
    static func rawLiteral(_ text: String) -> String {
        let hashes = String(repeating: "#", count: longestHashRun(in: text) + 1)
        var payload = text
        if payload.hasSuffix("\n") { payload.removeLast() }
        return "\(hashes)\"\"\"\n\(payload)\n\"\"\"\(hashes)"
    }

    /// The longest run of `#` right after a `"` or a `\` in `text`, so
    /// the raw string's delimiter can be longer than any that could end
    /// it or start an escape.
    static func longestHashRun(in text: String) -> Int {
        text.withContiguousUTF8 { bytes in
            var longest = 0
            var run = -1
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    run = 0
                } else if byte == UInt8(ascii: "#"), run >= 0 {
                    run += 1
                    longest = max(longest, run)
                } else {
                    run = -1
                }
            }
            return longest
        }
    }
}
