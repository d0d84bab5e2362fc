import QAPISchema

/// Emits the `query-qmp-schema` data as one compact JSON payload (a raw
/// string literal, one SchemaInfo per line) that the runtime parses once
/// on first use, and, when the schema declares `query-qmp-schema` with
/// `gen: false`, the `QMPCommand` that serves it.
struct SwiftIntrospectionEmitter {
    let context: SwiftGenerationContext

    /// The `query-qmp-schema` command the generated code serves, if any.
    static func servedCommand(in commands: [QAPISchemaCommand]) -> QAPISchemaCommand? {
        commands.first { !$0.gen && $0.name == "query-qmp-schema" }
    }

    func emit(served: QAPISchemaCommand?, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let entries = QAPIIntrospection.schemaInfo(
            for: context.schema, unmask: context.options.unmask, definedSymbols: context.options.definedSymbols)
        let json = QAPIIntrospection.renderJSON(entries)
        let hashes = String(repeating: "#", count: Self.longestHashRun(in: json) + 1)
        writer.line()
        writer.line("/// The schema as `query-qmp-schema` returns it\(context.options.unmask ? "" : ", type names masked to numbers").")
        writer.block("\(access)enum \(context.introspectionName) {") { writer in
            writer.line("/// The return value of `query-qmp-schema`, parsed on first use.")
            writer.line("\(access)static let schema = \(context.runtime("QMPSchemaIntrospection"))(json: \(hashes)\"\"\"")
            // The payload goes in unindented: a multi-line raw string's
            // closing delimiter sets the indentation to strip.
            var payload = json
            if payload.hasSuffix("\n") { payload.removeLast() }
            writer.appendRaw(payload + "\n" + "\"\"\"\(hashes))\n")
            guard let served else { return }
            writer.line()
            writer.line("/// `query-qmp-schema`, answered from `schema`.")
            let command = context.runtime("QMPCommand")
            let flags = SwiftCommandEmitter.flags(served)
            let features = context.featureExpression(served.features) ?? "[]"
            let body = served.allowOOB ? "outOfBand" : "inBand"
            let effects = served.allowOOB ? "throws" : "async throws"
            writer.block("\(access)static let command = \(command)(name: \"query-qmp-schema\", flags: \(flags), features: \(features), body: .\(body) {", closing: "})") { writer in
                writer.line("(object: \(context.runtime("JSONObject")), policy: \(context.runtime("QAPICompatPolicy"))) \(effects)(\(context.runtime("QMPError"))) -> \(context.runtime("JSONValue")) in")
                writer.line("if let key = object.keys.first {")
                writer.line("    throw \(context.runtime("QMPError")).generic(\"Parameter '\\(key)' is unexpected\")")
                writer.line("}")
                writer.line("return schema.value")
            }
        }
    }

    /// The longest run of `#` right after a `"` or a `\` in `text`, so
    /// the raw string's delimiter can be longer than any that could end
    /// it or start an escape.
    static func longestHashRun(in text: String) -> Int {
        var longest = 0
        var run = -1
        for byte in text.utf8 {
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
