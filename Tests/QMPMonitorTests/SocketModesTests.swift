import Foundation
import QMPMonitor
import XCTest

/// Client mode, TCP, and the socket backend's option and open errors
/// (spec C2, C5, C7).
final class SocketModesTests: ChardevTestCase {
    func testClientModeConnectsAtCreation() throws {
        let server = try addUnixServer("server")
        let serverSide = RecordingFrontend()
        let serverLink = try server.attach(serverSide)
        let socketPath = path("qmp.sock")

        let client = try registry.add(
            id: "client", backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: false)))
        XCTAssertEqual(client.filename, "unix:", "QEMU 7.2 names a client by its own unnamed end (C5, D5)")
        XCTAssertEqual((client as? SocketChardev)?.isServer, false)
        let clientSide = RecordingFrontend()
        let clientLink = try client.attach(clientSide)
        serverSide.wait("server opened") { $0.openedCount == 1 }
        clientSide.wait("client opened") { $0.openedCount == 1 }

        clientLink.write(Array("ping".utf8))
        serverSide.waitForText("ping")
        serverLink.write(Array("pong".utf8))
        clientSide.waitForText("pong")

        serverLink.closeConnection()
        clientSide.wait("client closed") { $0.closedCount == 1 }
        XCTAssertEqual(client.filename, "disconnected:unix:\(socketPath)")
        clientLink.detach()
        serverLink.detach()
    }

    func testTCPServerOnAnEphemeralPort() throws {
        let chardev = try registry.add(
            id: "tcp0", backend: .socket(ChardevSocketOptions(address: .inet(host: "127.0.0.1", port: "0"))))
        guard case .inet(let host, let port)? = (chardev as? SocketChardev)?.address, let portNumber = UInt16(port)
        else { return XCTFail("no bound address") }
        XCTAssertEqual(host, "127.0.0.1")
        XCTAssertNotEqual(portNumber, 0)
        XCTAssertEqual(chardev.filename, "disconnected:tcp:127.0.0.1:\(port),server=on")

        let frontend = RecordingFrontend { event, link in
            if case .received(let bytes) = event { link.write(bytes.reversed()) }
        }
        let link = try chardev.attach(frontend)
        let client = try TestClient.tcp(port: portNumber)
        frontend.wait("opened") { $0.openedCount == 1 }
        XCTAssertTrue(
            chardev.filename.hasPrefix("tcp:127.0.0.1:\(port),server=on <-> 127.0.0.1:"), chardev.filename)
        client.send("abc")
        XCTAssertEqual(client.readText(count: 3), "cba")

        let outgoing = try registry.add(
            id: "tcp1",
            backend: .socket(ChardevSocketOptions(address: .inet(host: "127.0.0.1", port: port), server: false)))
        XCTAssertTrue(outgoing.filename.hasSuffix(" <-> 127.0.0.1:\(port)"), outgoing.filename)
        XCTAssertTrue(outgoing.filename.hasPrefix("tcp:127.0.0.1:"), outgoing.filename)
        client.close()
        frontend.wait("the TCP client chardev is served next") { $0.openedCount == 2 }
        try registry.remove(id: "tcp1")
        frontend.wait("closed") { $0.closedCount == 2 }
        link.detach()
    }

    func testOpenErrorsUseQEMUsTexts() throws {
        let missing = path("no/such/dir/qmp.sock")
        XCTAssertEqual(
            chardevError { try addUnixServer("a", "no/such/dir/qmp.sock") },
            ChardevError(.backend, "Failed to bind socket to \(missing): No such file or directory"))
        XCTAssertEqual(
            chardevError {
                try registry.add(
                    id: "b", backend: .socket(ChardevSocketOptions(address: .unix(path: missing), server: false)))
            },
            ChardevError(.backend, "Failed to connect to '\(missing)': No such file or directory"))
        let long = "/tmp/" + String(repeating: "x", count: 120)
        XCTAssertEqual(
            chardevError {
                try registry.add(id: "c", backend: .socket(ChardevSocketOptions(address: .unix(path: long))))
            },
            ChardevError(.backend, "UNIX socket path '\(long)' is too long"))
        XCTAssertEqual(registry.chardevs.count, 0, "a failed add leaves nothing behind")
    }

    func testOptionChecksUseQEMUsTexts() {
        let address = ChardevSocketAddress.unix(path: path("x.sock"))
        let cases: [(ChardevSocketOptions, String)] = [
            (
                ChardevSocketOptions(address: address, server: false, wait: false),
                "'wait' option is incompatible with socket in client connect mode"
            ),
            (
                ChardevSocketOptions(address: address, reconnect: 1),
                "'reconnect' option is incompatible with socket in server listen mode"
            ),
            (
                ChardevSocketOptions(address: address, server: true, reconnectMilliseconds: 10),
                "'reconnect-ms' option is incompatible with socket in server listen mode"
            ),
            (
                ChardevSocketOptions(address: address, server: false, reconnect: 1, reconnectMilliseconds: 1),
                "'reconnect' and 'reconnect-ms' are mutually exclusive"
            ),
        ]
        for (options, text) in cases {
            XCTAssertEqual(
                chardevError { try registry.add(id: "s", backend: .socket(options)) }, ChardevError(.backend, text))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.sock")), "checks come before binding")
    }
}
