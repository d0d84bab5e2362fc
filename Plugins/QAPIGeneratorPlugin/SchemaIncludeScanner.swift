import Foundation

/// Finds the files a QAPI schema is made of — the main file and every
/// file it includes, transitively, each once — without parsing the
/// schema: only top-level `{ 'include': 'path' }` directives matter.
///
/// The scanner is lenient on purpose. Syntax errors and unreadable
/// include files are left to `qapi-gen`, which reports them with a line
/// and column at build time.
struct SchemaIncludeScanner {
    /// One file of the schema.
    struct Module: Equatable {
        /// The file's absolute, lexically normalised path.
        let path: String
        /// The path relative to the main schema file's directory
        /// (normalised, may start with `..`): QAPI's module name.
        let name: String
    }

    /// The absolute, normalised path of the main schema file.
    let mainFile: String

    /// Creates a scanner for the main schema file at the absolute `mainFile`.
    init(mainFile: String) {
        self.mainFile = SchemaPath.normalized(mainFile)
    }

    /// Every module, in the order the generator meets them (depth first,
    /// the main file first); files that cannot be read are listed but
    /// not scanned.
    func modules() -> [Module] {
        let schemaDirectory = SchemaPath.directory(of: mainFile)
        var seen: Set<String> = []
        var result: [Module] = []
        func visit(_ path: String) {
            guard seen.insert(path).inserted else { return }
            result.append(Module(path: path, name: SchemaPath.relative(path, from: schemaDirectory)))
            guard let data = FileManager.default.contents(atPath: path) else { return }
            let directory = SchemaPath.directory(of: path)
            for include in Self.includes(in: Array(data)) {
                visit(SchemaPath.resolve(include, against: directory))
            }
        }
        visit(mainFile)
        return result
    }

    /// The paths named by the top-level include directives of one
    /// schema file's text, in order.
    static func includes(in text: [UInt8]) -> [String] {
        var tokens = SchemaTokenizer(text: text)
        var result: [String] = []
        var depth = 0
        var inObject = false
        // The tokens directly inside the current top-level object.
        var members: [SchemaTokenizer.Token] = []
        while let token = tokens.next() {
            switch token {
            case .openBrace, .openBracket:
                if depth == 0 {
                    inObject = token == .openBrace
                    members = []
                } else if depth == 1 {
                    members.append(token)
                }
                depth += 1
            case .close:
                if depth == 1, inObject, let path = includePath(members) { result.append(path) }
                depth = max(depth - 1, 0)
            default:
                if depth == 1 { members.append(token) }
            }
        }
        return result
    }

    /// The path of an include directive whose members are `members`, or
    /// `nil` when they are not exactly `'include': 'path'`.
    private static func includePath(_ members: [SchemaTokenizer.Token]) -> String? {
        guard members.count == 3, members[0] == .string("include"), members[1] == .colon,
              case .string(let path) = members[2]
        else { return nil }
        return path
    }
}
