import Foundation
import Glibc

/// A blocking client of a monitor socket, as tests play it: sends text,
/// reads CRLF-terminated lines with a timeout (waiting with `poll`, never
/// sleeping), and tells when the server closed the connection.
public final class QMPTestClient {
    /// Why a read did not return a line.
    public enum ReadError: Error, CustomStringConvertible {
        /// Nothing complete arrived in time; the partial input is attached.
        case timedOut(String)
        /// The server closed the connection; the partial input is attached.
        case closed(String)

        /// What went wrong, with the partial input.
        public var description: String {
            switch self {
            case .timedOut(let partial): return "timed out; partial input: \(partial.debugDescription)"
            case .closed(let partial): return "connection closed; partial input: \(partial.debugDescription)"
            }
        }
    }

    private var descriptor: Int32
    /// Where requests go: `descriptor` for a socket, a pipe otherwise.
    private var writeDescriptor: Int32
    private let isSocket: Bool
    private var buffer: [UInt8] = []
    private var isClosedByPeer = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        writeDescriptor = descriptor
        isSocket = true
    }

    /// A client that reads server output from `reading` and writes to
    /// `writing` (pipes to a server's standard input and output); it owns
    /// both descriptors.
    public init(reading: Int32, writing: Int32) {
        descriptor = reading
        writeDescriptor = writing
        isSocket = false
    }

    deinit {
        close()
    }

    /// A client connected to the unix socket at `path`.
    public static func connect(unix path: String) throws -> QMPTestClient {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw posixError("socket") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw NSError(
                domain: "QMPTestClient", code: 1, userInfo: [NSLocalizedDescriptionKey: "path too long: \(path)"])
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let error = posixError("connect to \(path)")
            Glibc.close(descriptor)
            throw error
        }
        return QMPTestClient(descriptor: descriptor)
    }

    /// Connects to `path`, retrying until the socket accepts or `timeout`
    /// seconds pass (for a server process that is still starting).
    public static func connect(unix path: String, waitingUpTo timeout: Double) throws -> QMPTestClient {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do {
                return try connect(unix: path)
            } catch {
                if Date() >= deadline { throw error }
                var entry = pollfd(fd: -1, events: 0, revents: 0)
                _ = poll(&entry, 0, 20)
            }
        }
    }

    /// Sends every byte of `text`.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends every byte of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { buffer in
                isSocket
                    ? Glibc.send(writeDescriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                    : Glibc.write(writeDescriptor, buffer.baseAddress, buffer.count)
            }
            guard count > 0 else { throw Self.posixError("send") }
            offset += count
        }
    }

    /// Sends one request and returns the next line.
    public func execute(_ request: String, timeout: Double = 10) throws -> String {
        try send(request)
        return try readLine(timeout: timeout)
    }

    /// The next line, without its CR LF.
    public func readLine(timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = lineEnd() {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            try fill(until: deadline)
        }
    }

    /// Exactly `count` bytes (for text without line structure, such as a
    /// prompt).
    public func read(count: Int, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while buffer.count < count { try fill(until: deadline) }
        defer { buffer.removeFirst(count) }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Reads `count` bytes at most `chunk` at a time: a slow reader.
    public func readSlowly(count: Int, chunk: Int, timeout: Double = 30) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var bytes = Array(buffer.prefix(count))
        buffer.removeFirst(bytes.count)
        while bytes.count < count {
            let piece = try receive(max: min(chunk, count - bytes.count), until: deadline)
            bytes += piece
        }
        return bytes
    }

    /// Whether the server closes the connection within `timeout` seconds
    /// with no further input (input still buffered counts as input), or
    /// with any input when `discardingInput`.
    public func waitForClose(timeout: Double = 10, discardingInput: Bool = false) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        if discardingInput { buffer = [] }
        while !isClosedByPeer {
            do { try fill(until: deadline) } catch { break }
            if discardingInput { buffer = [] }
        }
        return isClosedByPeer && buffer.isEmpty
    }

    /// Whether nothing arrives for `seconds` (used where the server must
    /// hold a response back; a correct server never sends it).
    public func receivesNothing(for seconds: Double) -> Bool {
        guard buffer.isEmpty else { return false }
        do {
            try fill(until: Date().addingTimeInterval(seconds))
        } catch ReadError.timedOut {
            return true
        } catch {
            return false
        }
        return false
    }

    /// Stops sending: the server sees the end of its input.
    public func closeWriting() {
        if isSocket {
            shutdown(descriptor, Int32(SHUT_WR))
        } else if writeDescriptor >= 0 {
            Glibc.close(writeDescriptor)
            writeDescriptor = -1
        }
    }

    /// Closes the connection.
    public func close() {
        if !isSocket && writeDescriptor >= 0 { Glibc.close(writeDescriptor) }
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
        writeDescriptor = -1
    }

    private func lineEnd() -> Int? {
        guard buffer.count >= 2 else { return nil }
        for index in 0..<(buffer.count - 1) where buffer[index] == 0x0D && buffer[index + 1] == 0x0A {
            return index
        }
        return nil
    }

    /// Reads at least one byte into the buffer.
    private func fill(until deadline: Date) throws {
        buffer += try receive(max: 1 << 20, until: deadline)
    }

    private func receive(max: Int, until deadline: Date) throws -> [UInt8] {
        let partial = String(decoding: buffer, as: UTF8.self)
        if isClosedByPeer { throw ReadError.closed(partial) }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let milliseconds = Int32(Swift.max(0, deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { break }
            if ready == 0 { throw ReadError.timedOut(partial) }
            if errno != EINTR { throw Self.posixError("poll") }
        }
        var bytes = [UInt8](repeating: 0, count: max)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 {
            isClosedByPeer = true
            throw ReadError.closed(partial)
        }
        return Array(bytes[..<count])
    }

    private static func posixError(_ what: String) -> NSError {
        NSError(
            domain: "QMPTestClient", code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
