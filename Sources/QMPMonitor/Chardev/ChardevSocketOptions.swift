/// A socket address as QEMU's legacy `SocketAddressLegacy` gives it.
public enum ChardevSocketAddress: Sendable, Hashable {
    /// A unix socket path.
    case unix(path: String)
    /// A TCP host (name or numeric; empty: any address) and port (number
    /// or service name; `0` when listening: any free port).
    case inet(host: String, port: String)
}

/// `ChardevSocket`'s options that this implementation takes. Absent
/// options are nil, because QEMU's checks depend on whether an option was
/// given, not only on its value.
public struct ChardevSocketOptions: Sendable, Hashable {
    /// Where to listen or connect.
    public var address: ChardevSocketAddress
    /// Listen (the default) rather than connect.
    public var server: Bool?
    /// For a server, whether creation waits for a client; only `false`
    /// (the default) is supported.
    public var wait: Bool?
    /// For a client, seconds between reconnection attempts; only `0` (no
    /// reconnection) is supported.
    public var reconnect: Int64?
    /// Like `reconnect`, in milliseconds (QEMU 9.2).
    public var reconnectMilliseconds: Int64?

    /// Options for `address`; the rest as given.
    public init(
        address: ChardevSocketAddress, server: Bool? = nil, wait: Bool? = nil,
        reconnect: Int64? = nil, reconnectMilliseconds: Int64? = nil
    ) {
        self.address = address
        self.server = server
        self.wait = wait
        self.reconnect = reconnect
        self.reconnectMilliseconds = reconnectMilliseconds
    }

    /// Whether the socket listens (`server` defaults to true).
    public var isServer: Bool { server ?? true }
}
