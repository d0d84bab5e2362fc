#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QAPIRuntime

/// A blocking QMP client connection over a unix socket, just enough to
/// measure a server: connect, read the greeting, negotiate, send raw
/// request bytes and read whole responses.
final class QMPConnection {
    private let fd: Int32
    private var parser = JSONStreamParser()
    private var ready: [JSONValue] = []
    private var buffer = [UInt8](repeating: 0, count: 65536)

    /// Why a connection failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to `path`, reads the greeting and negotiates.
    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw Failure(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw Failure(description: "connect \(path): \(String(cString: strerror(errno)))")
        }
        let greeting = try receive()
        guard greeting["QMP"] != nil else { throw Failure(description: "no greeting: \(greeting)") }
        try send(Array(#"{"execute": "qmp_capabilities"}"#.utf8))
        let answer = try receive()
        guard answer["return"] != nil else { throw Failure(description: "negotiation failed: \(answer)") }
    }

    deinit { close(fd) }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Reads until one whole message is available and returns it.
    func receive() throws -> JSONValue {
        while ready.isEmpty {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { throw Failure(description: "the server closed the connection") }
            for output in parser.feed(buffer[0..<count]) {
                switch output {
                case .success(let value): ready.append(value)
                case .failure(let error): throw Failure(description: "bad JSON from server: \(error.message)")
                }
            }
        }
        return ready.removeFirst()
    }
}
