import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An address to connect a stream socket to: a unix socket path or one
/// resolved TCP address.
struct SocketAddress: Sendable {
    /// The address family (`AF_UNIX`, `AF_INET`, `AF_INET6`).
    let family: Int32
    private let storage: sockaddr_storage
    private let length: socklen_t

    /// The address of the unix socket at `path`, or nil when the path is
    /// longer than a socket address holds.
    static func unix(path: String) -> SocketAddress? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        #if canImport(Darwin)
        address.sun_len = UInt8(MemoryLayout<sockaddr_un>.size)
        #endif
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in
            withUnsafeBytes(of: &address) { target.copyMemory(from: $0) }
        }
        return SocketAddress(
            family: AF_UNIX, storage: storage, length: socklen_t(MemoryLayout<sockaddr_un>.size))
    }

    /// The addresses of `host` at `port`, in the resolver's order; the
    /// lookup runs off the caller's thread, since it may block.
    static func resolve(host: String, port: UInt16) async -> Result<[SocketAddress], ResolveError> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: lookUp(host: host, port: port))
            }
        }
    }

    /// Runs `body` with the address as the system calls take it.
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafeBytes(of: storage) { bytes in
            body(bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// A resolver failure, with `gai_strerror`'s text.
    struct ResolveError: Error {
        /// What the resolver said.
        let text: String
    }

    private static func lookUp(host: String, port: UInt16) -> Result<[SocketAddress], ResolveError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #elseif canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else { return .failure(ResolveError(text: String(cString: gai_strerror(status)))) }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry = list
        while let current = entry?.pointee {
            if let address = current.ai_addr, Int(current.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) {
                    $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(current.ai_addrlen)))
                }
                addresses.append(SocketAddress(family: current.ai_family, storage: storage, length: current.ai_addrlen))
            }
            entry = current.ai_next
        }
        guard !addresses.isEmpty else { return .failure(ResolveError(text: "no address found")) }
        return .success(addresses)
    }
}
