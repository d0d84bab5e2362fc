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
    /// Reads the schema rooted at `fileName`.
    public static func parse(fileName: String) throws(QAPIError) -> QAPIParsedSchema {
        throw QAPIError(nil, "parser not implemented yet")
    }
}
