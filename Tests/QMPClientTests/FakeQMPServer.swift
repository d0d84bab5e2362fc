import Foundation
import Glibc
import QAPIRuntime
import QMPClient
import XCTest

/// A scripted fake QMP server on a unix socket: each connection it
/// accepts runs `script` on a thread of its own, with a `FakeQMPPeer`.
/// Script failures are collected for `assertScriptsPassed()`.
final class FakeQMPServer: Sendable {
    /// The socket's path (unix).
    let path: String
    /// The port (TCP).
    let port: UInt16
    private let listener: Int32
    private let failures = QAPILock<[String]>([])
    private let accepted = QAPILock(0)

    /// A server listening now, on a unix socket or on a TCP port of
    /// 127.0.0.1, running `script` for every connection.
    init(tcp: Bool = false, _ script: @escaping @Sendable (FakeQMPPeer) throws -> Void) throws {
        if tcp {
            (listener, port) = try Self.listenTCP()
            path = ""
        } else {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent(
                    "qmp-fake-\(UUID().uuidString.prefix(8)).sock"
                ).path
            listener = try Self.listen(path: path)
            port = 0
        }
        let listener = self.listener
        let failures = self.failures
        let accepted = self.accepted
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    Glibc.close(listener)
                    return
                }
                accepted.withLock { $0 += 1 }
                Thread.detachNewThread {
                    let peer = FakeQMPPeer(descriptor: client)
                    do {
                        try script(peer)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                    peer.close()
                }
            }
        }
    }

    deinit {
        stop()
    }

    /// A server that negotiates, answers one `query-status` with
    /// "running", and waits for the client to leave.
    static func answeringQueryStatus(tcp: Bool = false) throws -> FakeQMPServer {
        try FakeQMPServer(tcp: tcp) { peer in
            try peer.negotiate()
            let request = try peer.expect("query-status")
            peer.reply(to: request, with: ["running": true, "status": "running"])
            peer.waitForClientClose()
        }
    }

    /// The endpoint to connect to.
    var endpoint: QMPEndpoint { path.isEmpty ? .tcp(host: "127.0.0.1", port: port) : .unix(path: path) }

    /// How many connections were accepted so far.
    var connectionCount: Int { accepted.withLock { $0 } }

    /// Stops accepting and removes the socket file.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        if !path.isEmpty { unlink(path) }
    }

    /// Fails the test for every script that threw.
    func assertScriptsPassed(file: StaticString = #filePath, line: UInt = #line) {
        for failure in failures.withLock({ $0 }) {
            XCTFail("fake server script: \(failure)", file: file, line: line)
        }
    }

    /// A socket listening on `path`.
    static func listen(path: String, backlog: Int32 = 128) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        unlink(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, bound == 0, Glibc.listen(descriptor, backlog) == 0 else {
            throw NSError(
                domain: "FakeQMPServer", code: Int(errno),
                userInfo: [NSLocalizedDescriptionKey: "cannot listen on \(path)"])
        }
        return descriptor
    }

    /// A socket listening on a free TCP port of 127.0.0.1, and the port.
    static func listenTCP() throws -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound, Glibc.listen(descriptor, 128) == 0 else {
            throw NSError(
                domain: "FakeQMPServer", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "cannot listen on TCP"]
            )
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }
}
