/// Lexical path arithmetic on absolute POSIX path strings, the way
/// `qapi-gen` (like QEMU's generator) does it: no file system access,
/// no symbolic link resolution, so that the plugin predicts exactly the
/// module names the generator computes.
enum SchemaPath {
    /// `path` with empty parts and `.` removed and `..` applied; always
    /// absolute (`path` must be absolute).
    static func normalized(_ path: String) -> String {
        "/" + components(path).joined(separator: "/")
    }

    /// The directory part of the absolute, normalised `path`.
    static func directory(of path: String) -> String {
        var parts = components(path)
        if !parts.isEmpty { parts.removeLast() }
        return "/" + parts.joined(separator: "/")
    }

    /// `name` resolved against `directory`: as it is when absolute,
    /// otherwise joined to it; the result is normalised.
    static func resolve(_ name: String, against directory: String) -> String {
        normalized(name.hasPrefix("/") ? name : directory + "/" + name)
    }

    /// The absolute `path` relative to the absolute directory `base`
    /// (Python's `os.path.relpath`; may start with `..`).
    static func relative(_ path: String, from base: String) -> String {
        let target = components(path)
        let start = components(base)
        var common = 0
        while common < target.count, common < start.count, target[common] == start[common] {
            common += 1
        }
        let parts = Array(repeating: "..", count: start.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The normalised components of an absolute path.
    private static func components(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts
    }
}
