/// A checked schema: modules, entities with their implicit types, docs.
public final class QAPISchema {
    /// Reads, checks and builds the schema rooted at `fileName`.
    public init(fileName: String) throws(QAPIError) {
        let parsed = try QAPISchemaParser.parse(fileName: fileName)
        _ = try QAPIExpressionChecker.check(parsed.expressions)
    }
}
