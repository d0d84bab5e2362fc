// Compiled into the build plugin (its inputs) and, through symbolic links
// to this file, into QAPICheckedSchema (include paths, module names) and
// QAPICodegen (the configuration's schema path), so that all three do the
// same path arithmetic. It must not import anything.

/// Path arithmetic on POSIX path strings, as QEMU's generator does it
/// with `os.path` (no file system access apart from the working
/// directory, no symbolic link resolution).
enum QAPIPath {
    /// The directory part of `path` (`""` when there is none).
    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var head = path[..<path.index(after: slash)]
        if head.contains(where: { $0 != "/" }) {
            while head.last == "/" { head.removeLast() }
        }
        return String(head)
    }

    /// `os.path.join(directory, name)` for two components.
    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `os.path.abspath`: `path` made absolute against the working
    /// directory `cwd` and lexically normalised.
    static func absoluteNormalized(_ path: String, cwd: String) -> String {
        "/" + components(absolute(path, cwd: cwd)).joined(separator: "/")
    }

    /// `path` relative to the directory `start`, both taken relative to
    /// the working directory `cwd` when not absolute.
    static func relativePath(_ path: String, from start: String, cwd: String) -> String {
        let target = components(absolute(path, cwd: cwd))
        let base = components(absolute(start.isEmpty ? "." : start, cwd: cwd))
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] {
            common += 1
        }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func absolute(_ path: String, cwd: String) -> String {
        path.hasPrefix("/") ? path : cwd + "/" + path
    }

    /// The normalized components of an absolute path: no empty parts, no
    /// `.`, and `..` applied.
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
