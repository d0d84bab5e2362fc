import QAPIRuntime

/// The server's greeting, the first message of every connection:
/// `{"QMP": {"version": …, "capabilities": […]}}` (spec G1).
public struct QMPGreeting: Sendable, Hashable {
    /// The server's version.
    public var version: QMPVersion
    /// The capabilities the server offers (`oob`, or none); names this
    /// build does not know are kept.
    public var capabilities: [String]

    /// A greeting from its parts.
    public init(version: QMPVersion, capabilities: [String]) {
        self.version = version
        self.capabilities = capabilities
    }

    /// Reads the greeting message; other members than those above are
    /// ignored.
    init(parsing message: JSONValue) throws(QMPClientError) {
        guard case .object(let qmp)? = message["QMP"] else {
            throw .badGreeting("expected {\"QMP\": …}, got \(Self.excerpt(message))")
        }
        guard case .object(let qemu)? = qmp["version"]?["qemu"],
            let major = qemu["major"]?.int64Value, let minor = qemu["minor"]?.int64Value,
            let micro = qemu["micro"]?.int64Value
        else {
            throw .badGreeting("QMP.version.qemu lacks an integer major, minor or micro: \(Self.excerpt(message))")
        }
        guard case .array(let offered)? = qmp["capabilities"] else {
            throw .badGreeting("QMP.capabilities is not an array: \(Self.excerpt(message))")
        }
        let capabilities = offered.compactMap(\.stringValue)
        guard capabilities.count == offered.count else {
            throw .badGreeting("QMP.capabilities holds something other than strings: \(Self.excerpt(message))")
        }
        self.init(
            version: QMPVersion(
                major: major, minor: minor, micro: micro,
                package: qmp["version"]?["package"]?.stringValue ?? ""),
            capabilities: capabilities)
    }

    /// The message as compact JSON, cut at 200 characters.
    private static func excerpt(_ message: JSONValue) -> String {
        let text = message.description
        return text.count > 200 ? text.prefix(200) + "…" : text
    }
}
