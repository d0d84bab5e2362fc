#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server end of the client harness: a unix socket listener made once
/// per process, and blocking I/O on the one connection of a run.
struct ScriptedServer {
    /// The listening socket.
    let listener: Int32
    /// Where it listens.
    let path: String

    /// A listener on a fresh path under /tmp.
    static func listening() -> ScriptedServer {
        let path = "/tmp/swift-qapi-fuzz-client-\(getpid()).sock"
        unlink(path)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        fuzzCheck(listener >= 0, "socket: \(errno)")
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        fuzzCheck(bound == 0 && listen(listener, 4) == 0, "bind/listen \(path): \(errno)")
        return ScriptedServer(listener: listener, path: path)
    }

    /// The next connection.
    func accept() -> Int32 {
        while true {
            #if canImport(Glibc)
            let connection = Glibc.accept(listener, nil, nil)
            #else
            let connection = Darwin.accept(listener, nil, nil)
            #endif
            if connection >= 0 { return connection }
            fuzzCheck(errno == EINTR, "accept: \(errno)")
        }
    }

    /// Writes `bytes` to `connection`, ignoring a peer that left (the
    /// client may close on a protocol violation).
    static func send<Bytes: Collection<UInt8>>(_ bytes: Bytes, to connection: Int32) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            #if canImport(Glibc)
            let sent = array[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, flags) }
            #else
            let sent = array[offset...].withUnsafeBytes { Darwin.send(connection, $0.baseAddress, $0.count, flags) }
            #endif
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads from `connection` until `lines` newlines came, the peer
    /// closed, or nothing came for `milliseconds`.
    static func readLines(_ lines: Int, from connection: Int32, waitingAtMost milliseconds: Int32) {
        var seen = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while seen < lines {
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) > 0 else { return }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            seen += buffer[..<count].lazy.filter { $0 == UInt8(ascii: "\n") }.count
        }
    }
}
