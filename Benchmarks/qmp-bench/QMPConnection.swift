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
        try checkSuccess(try receiveLine())
    }

    /// Takes every complete response line already read, reading once
    /// first when there is none, and returns how many there were (at
    /// least one); fails unless each is a successful response. One read
    /// and one scan answer any number of responses, so that a client
    /// with several requests in flight costs little per response.
    func receiveSuccesses() throws -> Int {
        var count = 0
        while count == 0 {
            while let line = nextBufferedLine() {
                try checkSuccess(line)
                count += 1
            }
            if count == 0 { try readMore() }
        }
        return count
    }

    private func checkSuccess(_ line: ArraySlice<UInt8>) throws {
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
            if let line = nextBufferedLine() { return line }
            try readMore()
        }
    }

    /// Takes the next complete line already read, if any.
    private func nextBufferedLine() -> ArraySlice<UInt8>? {
        guard let newline = buffer[start..<end].firstIndex(of: 0x0A) else { return nil }
        defer { start = newline + 1 }
        return buffer[start...newline]
    }

    /// Reads once, after the unread bytes; fails at the end of input.
    private func readMore() throws {
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
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SocketFailure.lastError("read")
            }
            if count == 0 { throw SocketFailure(description: "the server closed the connection") }
            end += count
            return
        }
    }
}
