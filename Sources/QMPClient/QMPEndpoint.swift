/// Where a QMP server listens.
public enum QMPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A unix socket (`-qmp unix:PATH,server=on,wait=off`).
    case unix(path: String)
    /// A TCP socket (`-qmp tcp:HOST:PORT,server=on,wait=off`).
    case tcp(host: String, port: UInt16)

    /// `unix:PATH` or `tcp:HOST:PORT`, as QEMU's options write it.
    public var description: String {
        switch self {
        case .unix(let path): return "unix:\(path)"
        case .tcp(let host, let port): return "tcp:\(host):\(port)"
        }
    }
}
