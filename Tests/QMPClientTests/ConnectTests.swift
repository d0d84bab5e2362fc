import Foundation
import Glibc
import QAPIRuntime
import QMPClient
import QMPClientTestSupport
import XCTest

/// Connecting: the greeting, negotiation, timeouts, retries.
final class ConnectTests: XCTestCase {
    func testGreetingIsReadAndOutOfBandNegotiatedWhenOffered() async throws {
        let server = try FakeQMPServer { peer in
            let request = try peer.negotiate(capabilities: ["oob", "future-cap"])
            guard request["arguments"] == ["enable": ["oob"]] else {
                throw ScriptError.unexpected(expected: "enable oob", got: .object(request))
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        XCTAssertEqual(connection.greeting.version, QMPVersion(major: 7, minor: 2, micro: 0, package: "fake"))
        XCTAssertEqual(connection.greeting.capabilities, ["oob", "future-cap"])
        XCTAssertTrue(connection.isOutOfBandEnabled)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testNoCapabilityIsAskedForWhenOutOfBandIsNotOffered() async throws {
        let server = try FakeQMPServer { peer in
            let request = try peer.negotiate(capabilities: [])
            guard request["arguments"] == nil else {
                throw ScriptError.unexpected(expected: "no arguments", got: .object(request))
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        XCTAssertFalse(connection.isOutOfBandEnabled)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testOutOfBandIsNotAskedForWhenTheOptionsSayNo() async throws {
        let server = try FakeQMPServer { peer in
            let request = try peer.negotiate(capabilities: ["oob"])
            guard request["arguments"] == nil else {
                throw ScriptError.unexpected(expected: "no arguments", got: .object(request))
            }
            peer.waitForClientClose()
        }
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing(enableOutOfBand: false))
        XCTAssertFalse(connection.isOutOfBandEnabled)
        await connection.close()
        server.assertScriptsPassed()
    }

    func testSilenceTimesTheConnectOut() async throws {
        let server = try FakeQMPServer { peer in
            guard peer.waitForClientClose(timeout: 5) else {
                throw ScriptError.timedOut(waitingFor: "the client to give up")
            }
        }
        var options = QMPConnection.Options.testing()
        options.connectTimeout = .milliseconds(300)
        let started = ContinuousClock.now
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: options) }
        XCTAssertEqual(
            error as? QMPClientError,
            .connectTimedOut(endpoint: "unix:\(server.path)", stage: "the greeting", after: .milliseconds(300)))
        XCTAssertEqual(
            "\(error!)", "connecting to unix:\(server.path) timed out after 0.3 seconds waiting for the greeting")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
        try await Task.sleep(for: .milliseconds(100))
        server.assertScriptsPassed()
    }

    func testABadGreetingFailsTheConnect() async throws {
        let server = try FakeQMPServer { peer in
            peer.send(#"{"hello": "I am not QEMU"}"# + "\r\n")
            peer.waitForClientClose()
        }
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
        guard case .badGreeting(let reason)? = error as? QMPClientError else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertTrue(reason.contains(#"{"hello": "I am not QEMU"}"#), reason)
        server.assertScriptsPassed()
    }

    /// Found by the client fuzz target: a connect that failed threw while
    /// its socket was still open, closed a moment later by Dispatch.
    func testAFailedConnectHasClosedItsSocketWhenItThrows() async throws {
        let server = try FakeQMPServer { peer in
            // A message cut short: the client fails at the end of input,
            // so only after this side closed its descriptor.
            peer.send(#"{"SHUTD"#)
            peer.close()
        }
        let before = openSockets()
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
        XCTAssertNotNil(error as? QMPClientError)
        XCTAssertEqual(openSockets().subtracting(before), [])
    }

    func testAGreetingWithoutAVersionFailsTheConnect() async throws {
        let server = try FakeQMPServer { peer in
            peer.send(#"{"QMP": {"capabilities": []}}"#)
            peer.waitForClientClose()
        }
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
        guard case .badGreeting(let reason)? = error as? QMPClientError else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertTrue(reason.hasPrefix("QMP.version.qemu lacks"), reason)
    }

    func testAServerThatHangsUpBeforeGreetingFailsTheConnect() async throws {
        let server = try FakeQMPServer { peer in peer.close() }
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
        XCTAssertEqual(
            "\(error!)", "cannot connect to unix:\(server.path): the server closed the connection before its greeting")
    }

    func testARefusedNegotiationFailsTheConnect() async throws {
        let server = try FakeQMPServer { peer in
            peer.sendGreeting()
            let request = try peer.expect("qmp_capabilities")
            peer.replyError(to: request, desc: "Capability oob not available")
            peer.waitForClientClose()
        }
        let error = await thrownError { try await QMPConnection.connect(to: server.endpoint, options: .testing()) }
        XCTAssertEqual(
            error as? QMPClientError,
            .negotiationFailed("qmp_capabilities failed: GenericError: Capability oob not available"))
        server.assertScriptsPassed()
    }

    func testAMissingSocketFailsAtOnceWithoutRetry() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-none-\(UUID().uuidString).sock")
            .path
        let error = await thrownError { try await QMPConnection.connect(to: .unix(path: path), options: .testing()) }
        XCTAssertEqual(
            error as? QMPClientError, .connectionFailed(endpoint: "unix:\(path)", reason: "No such file or directory"))
    }

    func testConnectRetriesWhileTheServerProcessIsAlive() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        try process.run()
        defer {
            // SIGKILL: a child started from async code has SIGTERM blocked.
            // waitUntilExit() also lets Foundation free the Process.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qmp-late-\(UUID().uuidString.prefix(8)).sock"
        ).path
        // The "server" makes its socket 300 ms after the client starts.
        let serverTask = Task {
            try await Task.sleep(for: .milliseconds(300))
            let listener = try FakeQMPServer.listen(path: path)
            return listener
        }
        var options = QMPConnection.Options.testing()
        options.retry = .whileProcessAlive(pid: process.processIdentifier, for: .seconds(10))
        let connecting = Task { try await QMPConnection.connect(to: .unix(path: path), options: options) }
        let listener = try await serverTask.value
        let client = accept(listener, nil, nil)
        let peer = FakeQMPPeer(descriptor: client)
        try peer.negotiate()
        let connection = try await connecting.value
        XCTAssertEqual(connection.greeting.version.major, 7)
        await connection.close()
        close(listener)
        unlink(path)
    }

    func testConnectStopsRetryingWhenTheProcessIsGone() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-never-\(UUID().uuidString).sock")
            .path
        var options = QMPConnection.Options.testing()
        options.retry = .whileProcessAlive(pid: process.processIdentifier, for: .seconds(30))
        let started = ContinuousClock.now
        let error = await thrownError { try await QMPConnection.connect(to: .unix(path: path), options: options) }
        XCTAssertEqual(
            error as? QMPClientError,
            .connectionFailed(
                endpoint: "unix:\(path)",
                reason: "No such file or directory (process \(process.processIdentifier) is not running)"))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    func testConnectRetryIsBoundedInTime() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-never-\(UUID().uuidString).sock")
            .path
        var options = QMPConnection.Options.testing()
        options.retry = .whileProcessAlive(pid: getpid(), for: .milliseconds(200))
        let started = ContinuousClock.now
        let error = await thrownError { try await QMPConnection.connect(to: .unix(path: path), options: options) }
        XCTAssertEqual(
            error as? QMPClientError,
            .connectionFailed(
                endpoint: "unix:\(path)", reason: "No such file or directory (still, after retrying for 0.2 seconds)"))
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(200))
    }

    func testTCPEndpoints() async throws {
        let server = try FakeQMPServer.answeringQueryStatus(tcp: true)
        let connection = try await QMPConnection.connect(to: server.endpoint, options: .testing())
        let status = try await connection.execute(Commands.QueryStatus.self)
        XCTAssertEqual(status.status, .running)
        XCTAssertEqual(connection.endpoint.description, "tcp:127.0.0.1:\(server.port)")
        await connection.close()
        server.assertScriptsPassed()
    }

    func testAnUnresolvableHostFails() async throws {
        let error = await thrownError {
            try await QMPConnection.connect(to: .tcp(host: "no-such-host.invalid", port: 4444), options: .testing())
        }
        guard case .connectionFailed(let endpoint, let reason)? = error as? QMPClientError else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(endpoint, "tcp:no-such-host.invalid:4444")
        XCTAssertTrue(reason.hasPrefix("cannot resolve 'no-such-host.invalid'"), reason)
    }
}

/// The sockets the process has open, as their /proc links
/// ("socket:[inode]"). A plain count of descriptors is not enough: Dispatch
/// opens a timer descriptor for each kind of timer the first time one is
/// armed, and keeps it, and other tests' sockets may close meanwhile.
private func openSockets() -> Set<String> {
    let directory = "/proc/self/fd"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let targets = names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)") }
    return Set(targets.filter { $0.hasPrefix("socket:") })
}
