import Foundation
import QAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small blocking QMP client for tests: connects to a unix socket,
/// sends requests, and reads the server's lines as JSON values (waiting
/// with `poll`, at most `timeout` seconds per line).
final class QMPLineClient {
    /// Why the client gave up.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Seconds to wait for one line.
    private let timeout: Double

    /// Connects to the unix socket at `path`.
    init(unix path: String, timeout: Double = 10) throws {
        self.timeout = timeout
        descriptor = socket(AF_UNIX, Self.streamType, 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8.prefix($0.count - 1))) }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(description: "connect to \(path): \(reason)")
        }
    }

    /// `SOCK_STREAM` as `socket` takes it (an enum case on Glibc).
    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamType = SOCK_STREAM
    #endif

    deinit {
        close(descriptor)
    }

    /// Sends `request` (one JSON object) and a newline.
    func send(_ request: String) throws {
        let bytes = Array((request + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// The next line the server sent, parsed.
    func next() throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 1)
                do {
                    return try JSONValue(parsing: line)
                } catch {
                    throw Failure(description: "not JSON: \(line)")
                }
            }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard poll(&entry, 1, milliseconds) == 1 else { throw Failure(description: "no line within \(timeout) s") }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the server closed the connection") }
            buffer += chunk[..<count]
        }
    }

    /// Sends `request` and reads up to its response (the first line with
    /// `return` or `error`); returns the events read before it and the
    /// response.
    func execute(_ request: String) throws -> (events: [JSONValue], response: JSONValue) {
        try send(request)
        var events: [JSONValue] = []
        while true {
            let line = try next()
            if line["event"] != nil {
                events.append(line)
            } else {
                return (events, line)
            }
        }
    }

    /// Sends `request` and returns its `return` value; a `Failure` when
    /// the server answers with an error.
    func result(_ request: String) throws -> JSONValue {
        let response = try execute(request).response
        guard let value = response["return"] else { throw Failure(description: "error response: \(response)") }
        return value
    }
}
