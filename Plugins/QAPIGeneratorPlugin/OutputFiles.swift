/// The paths of the files `qapi-gen -o DIR` writes: the fixed list of
/// `QAPIOutputPlan`, the same whatever the schema, so that the build
/// command's outputs never depend on the schema's contents.
enum OutputFiles {
    /// Every output file, in `directory`.
    static func paths(in directory: String) -> [String] {
        QAPIOutputPlan.files.map { SchemaPath.resolve($0, against: directory) }
    }
}
