import QAPIRuntime

/// Tolerant decoding options whose drift reports say where they come
/// from: the command or event as origin, and paths rooted at `return` or
/// `data` as the wire has them (`return.qemu.extra`).
enum DriftReporting {
    /// Tolerant options for a value found at `root` of `origin`'s message;
    /// `handler` hears the drift (nil: nobody listens, nothing is tracked).
    static func options(
        origin: String, root: String, handler: (@Sendable (QAPIDrift) -> Void)?
    ) -> QAPIDecodingOptions {
        guard let handler else { return .tolerant() }
        return .tolerant { drift in
            var rooted = drift
            rooted.path = path(drift.path, under: root)
            rooted.origin = origin
            handler(rooted)
        }
    }

    /// `path` below `root`: `root` itself for the value (`<root>` or
    /// empty), `root[0]` for a list element, `root.a.b` for a member.
    static func path(_ path: String, under root: String) -> String {
        if path.isEmpty || path == "<root>" { return root }
        if path.hasPrefix("[") { return root + path }
        return root + "." + path
    }
}
