import Glibc

/// One end of a socket in the form QEMU prints it: a unix path, or a
/// numeric host and port.
enum SocketName: Equatable {
    /// A unix socket path (empty for an unnamed socket).
    case unix(path: String)
    /// A numeric host and port; `isIPv6` hosts print in brackets in
    /// connection descriptions.
    case inet(host: String, port: String, isIPv6: Bool)

    /// The local name of `descriptor` (`getsockname`).
    static func local(of descriptor: Int32) -> SocketName? {
        read(descriptor) { getsockname($0, $1, $2) }
    }

    /// The peer name of `descriptor` (`getpeername`).
    static func peer(of descriptor: Int32) -> SocketName? {
        read(descriptor) { getpeername($0, $1, $2) }
    }

    /// `host:port` with brackets around an IPv6 host, or the path.
    var hostAndPort: String {
        switch self {
        case .unix(let path):
            return path
        case .inet(let host, let port, let isIPv6):
            return isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    private static func read(
        _ descriptor: Int32,
        _ call: (Int32, UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Int32
    ) -> SocketName? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_UNIX:
            return .unix(path: unixPath(in: storage, length: Int(length)))
        case AF_INET, AF_INET6:
            return numeric(storage, length: length)
        default:
            return nil
        }
    }

    private static func unixPath(in storage: sockaddr_storage, length: Int) -> String {
        let offset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
        return withUnsafeBytes(of: storage) { raw in
            let bytes = raw[offset..<max(offset, min(length, raw.count))]
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func numeric(_ storage: sockaddr_storage, length: socklen_t) -> SocketName? {
        var storage = storage
        var host = [CChar](repeating: 0, count: 1025)
        var port = [CChar](repeating: 0, count: 32)
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo(
                    $0, length, &host, socklen_t(host.count), &port, socklen_t(port.count),
                    NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        guard result == 0 else { return nil }
        return .inet(host: text(host), port: text(port), isIPv6: Int32(storage.ss_family) == AF_INET6)
    }

    /// The NUL-terminated text in `characters`.
    private static func text(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
