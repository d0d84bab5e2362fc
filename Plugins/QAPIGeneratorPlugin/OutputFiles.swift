/// The names of the files `qapi-gen -o DIR` writes for a schema; they
/// must match the generator's output exactly, since a build command
/// declares its outputs before it runs.
enum OutputFiles {
    /// The kinds of per-module files, by file-name suffix.
    static let moduleSuffixes = [".types.swift", ".commands.swift", ".events.swift"]

    /// The per-schema files, by file-name suffix.
    static let schemaSuffixes = ["_schema.swift", "_introspection.swift"]

    /// The file-name stem of a module: its name without `.json`, every
    /// Unicode scalar other than an ASCII letter, digit or `-` replaced
    /// by `-` (as `QAPISwiftGenerator.moduleStem` does).
    static func stem(ofModule name: String) -> String {
        var base = Substring(name)
        if base.hasSuffix(".json") { base.removeLast(5) }
        var stem = String.UnicodeScalarView()
        for scalar in base.unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "-"
            stem.append(keep ? scalar : "-")
        }
        return String(stem)
    }

    /// Every output file name for the given module names, in order: each
    /// module's files, then the per-schema files.
    static func names(prefix: String, modules: [String]) -> [String] {
        modules.flatMap { module in moduleSuffixes.map { prefix + stem(ofModule: module) + $0 } }
            + schemaSuffixes.map { prefix + $0 }
    }

    /// The first two modules that map to one stem, if any: their output
    /// files would overwrite each other.
    static func stemCollision(modules: [String]) -> (String, String)? {
        var byStem: [String: String] = [:]
        for module in modules {
            if let other = byStem.updateValue(module, forKey: stem(ofModule: module)) { return (other, module) }
        }
        return nil
    }
}
