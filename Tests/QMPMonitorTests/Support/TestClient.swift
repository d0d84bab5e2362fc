import Foundation
import Glibc
import XCTest

/// A blocking socket client, playing the QMP client in tests. Reads wait
/// with `poll` and a timeout, never by sleeping.
final class TestClient {
    private(set) var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    /// A client connected to the unix socket at `path`.
    static func unix(_ path: String) throws -> TestClient {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return try checked(result, descriptor, "connect to \(path)")
    }

    /// A client connected to 127.0.0.1:`port`.
    static func tcp(port: UInt16) throws -> TestClient {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return try checked(result, descriptor, "connect to port \(port)")
    }

    private static func checked(_ result: Int32, _ descriptor: Int32, _ what: String) throws -> TestClient {
        guard descriptor >= 0, result == 0 else {
            let text = String(cString: strerror(errno))
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw NSError(
                domain: "TestClient", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(what): \(text)"])
        }
        return TestClient(descriptor: descriptor)
    }

    /// Sends every byte of `text`.
    func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// Sends every byte of `bytes`.
    func send(_ bytes: [UInt8]) {
        XCTAssertTrue(Self.send(bytes, on: descriptor), "send failed: \(String(cString: strerror(errno)))")
    }

    /// Sends every byte of `bytes` on `descriptor`, blocking as needed;
    /// returns whether it all went. Usable from any thread.
    static func send(_ bytes: [UInt8], on descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Reads until `count` bytes arrived, the peer closed, or `timeout`
    /// passed; at most `chunk` bytes per read (a slow reader).
    func read(count: Int, chunk: Int = 65536, timeout: TimeInterval = 10) -> [UInt8] {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while bytes.count < count, let piece = readOnce(max: min(chunk, count - bytes.count), deadline: deadline),
            !piece.isEmpty
        {
            bytes += piece
        }
        return bytes
    }

    /// Reads `count` bytes as text.
    func readText(count: Int, timeout: TimeInterval = 10) -> String {
        String(decoding: read(count: count, timeout: timeout), as: UTF8.self)
    }

    /// Reads until the peer closes; nil if `timeout` passes first.
    func readToEnd(timeout: TimeInterval = 10) -> [UInt8]? {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while let piece = readOnce(max: 65536, deadline: deadline) {
            if piece.isEmpty { return bytes }
            bytes += piece
        }
        return nil
    }

    /// Stops sending (a half-close); reading still works.
    func shutdownWrite() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Closes the socket.
    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// One read of up to `max` bytes: empty at end of stream, nil on
    /// timeout or error.
    private func readOnce(max: Int, deadline: Date) -> [UInt8]? {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(Swift.max(0, deadline.timeIntervalSinceNow * 1000))
        guard poll(&entry, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: max)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return Array(buffer[..<count])
    }
}
