/// An `include` directive or a pragma setting met in a file parsed on its
/// own (`SchemaFileParser.DirectiveHandling.note`), for
/// `SpeculativeSchemaReader` to follow or apply later, in file order.
enum SchemaDirective {
    /// `include` of `path` (joined to the including file's directory;
    /// `absolute` is its absolute, normalised form) on the line of
    /// `info`; the file's own expressions and docs before the included
    /// contents are its first `expressionCount` expressions (the
    /// `include` marker among them) and first `docCount` docs.
    case include(path: String, absolute: String, info: QAPISourceInfo, expressionCount: Int, docCount: Int)
    /// A checked pragma setting.
    case pragma(QAPIPragmaSetting)
}
