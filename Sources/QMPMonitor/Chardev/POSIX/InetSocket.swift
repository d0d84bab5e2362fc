import Glibc

/// TCP sockets, opened the way QEMU's `util/qemu-sockets.c` opens them,
/// with its error texts.
enum InetSocket {
    /// A non-blocking socket listening on `host:port` (port `0`: an
    /// ephemeral port) with QEMU's backlog of 1. Like QEMU, it tries each
    /// resolved address and moves on only when one is in use.
    static func listen(host: String, port: String) throws(ChardevError) -> Int32 {
        let addresses = try resolve(host: host, port: port, flags: AI_PASSIVE)
        defer { freeaddrinfo(addresses) }
        var code: Int32 = EADDRINUSE
        var entry: UnsafeMutablePointer<addrinfo>? = addresses
        while let info = entry?.pointee {
            entry = info.ai_next
            let descriptor = socket(info.ai_family, POSIX.streamType(nonBlocking: true), info.ai_protocol)
            guard descriptor >= 0 else {
                code = errno
                continue
            }
            var reuse: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
            if bind(descriptor, info.ai_addr, info.ai_addrlen) != 0 {
                code = errno
                Glibc.close(descriptor)
                if code != EADDRINUSE { throw POSIX.failure("Failed to bind socket", errno: code) }
                continue
            }
            if Glibc.listen(descriptor, 1) != 0 {
                code = errno
                Glibc.close(descriptor)
                if code != EADDRINUSE { throw POSIX.failure("Failed to listen on socket", errno: code) }
                continue
            }
            return descriptor
        }
        throw POSIX.failure("Failed to find an available port", errno: code)
    }

    /// A socket connected to `host:port` (the first resolved address that
    /// accepts), made non-blocking once connected.
    static func connect(host: String, port: String) throws(ChardevError) -> Int32 {
        let addresses = try resolve(host: host, port: port, flags: AI_ADDRCONFIG)
        defer { freeaddrinfo(addresses) }
        var failure = ChardevError.backend("Failed to connect to '\(host):\(port)'")
        var entry: UnsafeMutablePointer<addrinfo>? = addresses
        while let info = entry?.pointee {
            entry = info.ai_next
            let descriptor = socket(info.ai_family, POSIX.streamType(nonBlocking: false), info.ai_protocol)
            guard descriptor >= 0 else {
                failure = POSIX.failure("Failed to create socket family \(info.ai_family)", errno: errno)
                continue
            }
            let connected = POSIX.retryingInterrupts { Glibc.connect(descriptor, info.ai_addr, info.ai_addrlen) }
            if connected == 0, POSIX.setNonBlocking(descriptor) { return descriptor }
            failure = POSIX.failure("Failed to connect to '\(host):\(port)'", errno: errno)
            Glibc.close(descriptor)
        }
        throw failure
    }

    /// `getaddrinfo` for a stream socket; an empty host means any address.
    private static func resolve(
        host: String, port: String, flags: Int32
    ) throws(ChardevError) -> UnsafeMutablePointer<addrinfo>? {
        var hints = addrinfo()
        hints.ai_flags = flags
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host.isEmpty ? nil : host, port, &hints, &result)
        guard code == 0 else {
            throw .backend("address resolution failed for \(host):\(port): " + String(cString: gai_strerror(code)))
        }
        return result
    }
}
