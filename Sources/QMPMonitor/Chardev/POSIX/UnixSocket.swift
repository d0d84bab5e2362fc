import Glibc

/// Unix stream sockets, opened the way QEMU's `util/qemu-sockets.c` opens
/// them, with its error texts.
enum UnixSocket {
    /// A non-blocking socket listening on `path` with QEMU's backlog of 1.
    /// An existing file at `path` is replaced (spec C7).
    static func listen(path: String) throws(ChardevError) -> Int32 {
        var address = try socketAddress(path)
        let descriptor = socket(AF_UNIX, POSIX.streamType(nonBlocking: true), 0)
        guard descriptor >= 0 else { throw POSIX.failure("Failed to create Unix socket", errno: errno) }
        do throws(ChardevError) {
            if unlink(path) < 0 && errno != ENOENT {
                throw POSIX.failure("Failed to unlink socket \(path)", errno: errno)
            }
            guard bind(descriptor, &address) == 0 else {
                throw POSIX.failure("Failed to bind socket to \(path)", errno: errno)
            }
            guard Glibc.listen(descriptor, 1) == 0 else {
                throw POSIX.failure("Failed to listen on socket", errno: errno)
            }
            return descriptor
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// A socket connected to the server at `path`, made non-blocking once
    /// connected.
    static func connect(path: String) throws(ChardevError) -> Int32 {
        var address = try socketAddress(path)
        let descriptor = socket(AF_UNIX, POSIX.streamType(nonBlocking: false), 0)
        guard descriptor >= 0 else { throw POSIX.failure("Failed to create socket", errno: errno) }
        let connected = POSIX.retryingInterrupts {
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        }
        guard connected == 0, POSIX.setNonBlocking(descriptor) else {
            let code = errno
            Glibc.close(descriptor)
            throw POSIX.failure("Failed to connect to '\(path)'", errno: code)
        }
        return descriptor
    }

    /// Removes the socket file at `path`, as QEMU does when it closes a
    /// listening unix socket.
    static func removeFile(at path: String) {
        unlink(path)
    }

    private static func bind(_ descriptor: Int32, _ address: inout sockaddr_un) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    /// `sockaddr_un` for `path`; a path longer than `sun_path` (108
    /// bytes, no terminator needed) is QEMU's "too long" error.
    private static func socketAddress(_ path: String) throws(ChardevError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count <= MemoryLayout.size(ofValue: address.sun_path) else {
            throw .backend("UNIX socket path '\(path)' is too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }
}
