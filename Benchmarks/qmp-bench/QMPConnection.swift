import QAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking QMP client connection over a unix socket, just enough to
/// measure a server: connect, read the greeting, negotiate, send raw
/// request bytes and read whole responses.
///
/// The greeting and the negotiation are parsed as JSON; responses are
/// taken line by line (the compact layout ends every message with CRLF
/// and has no other line break) and only checked to be successful, so
/// that the client costs as little as possible beside the server.
final class QMPConnection {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 65536)
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private static let successPrefix = Array(#"{"return": "#.utf8)

    /// Connects to `path`, reads the greeting and negotiates.
    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketFailure.lastError("socket") }
        let status = try withUnixSocketAddress(path) { [fd] in connect(fd, $0, $1) }
        guard status == 0 else {
            let failure = SocketFailure.lastError("connect \(path)")
            close(fd)
            throw failure
        }
        let greeting = try receiveMessage()
        guard greeting["QMP"] != nil else { throw SocketFailure(description: "no greeting: \(greeting)") }
        try send(Array("{\"execute\": \"qmp_capabilities\"}\n".utf8))
        let answer = try receiveMessage()
        guard answer["return"] != nil else { throw SocketFailure(description: "negotiation failed: \(answer)") }
    }

    deinit { close(fd) }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SocketFailure.lastError("write")
            }
            offset += written
        }
    }

    /// Reads one successful response line; fails on any other line.
    func receiveSuccess() throws {
        let line = try receiveLine()
        guard line.starts(with: Self.successPrefix) else {
            throw SocketFailure(description: "not a successful response: \(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Reads one line and parses it as a JSON value.
    private func receiveMessage() throws -> JSONValue {
        let line = try receiveLine()
        var parser = JSONStreamParser()
        guard case .success(let value)? = parser.feed(line).first else {
            throw SocketFailure(description: "bad JSON from server: \(String(decoding: line, as: UTF8.self))")
        }
        return value
    }

    /// Reads up to and including the next newline.
    private func receiveLine() throws -> ArraySlice<UInt8> {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return buffer[start...newline]
            }
            if start > 0 {
                // Moves the unread bytes to the front in place (a slice of
                // the buffer would copy all of it first).
                let (from, count) = (start, end - start)
                buffer.withUnsafeMutableBytes { bytes in
                    if count > 0 { memmove(bytes.baseAddress!, bytes.baseAddress! + from, count) }
                }
                (start, end) = (0, count)
            }
            guard end < buffer.count else { throw SocketFailure(description: "line longer than \(buffer.count) bytes") }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SocketFailure.lastError("read")
            }
            if count == 0 { throw SocketFailure(description: "the server closed the connection") }
            end += count
        }
    }
}
