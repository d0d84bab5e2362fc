import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// A gate that in-band test commands wait at until the test opens it; it
/// counts the commands that reached it, so that a test can know a command
/// is running rather than guess from a quiet socket.
final class TestGate: Sendable {
    private let state = QAPILock<(isOpen: Bool, arrivals: Int, waiters: [CheckedContinuation<Void, Never>])>(
        (false, 0, []))

    /// Returns once the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state in
                state.arrivals += 1
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if open { continuation.resume() }
        }
    }

    /// Returns once the gate is open, holding its thread meanwhile, as a
    /// handler that never suspends does.
    func waitBlockingThread() {
        state.withLock { $0.arrivals += 1 }
        while !state.withLock({ $0.isOpen }) { usleep(1000) }
    }

    /// Whether `count` commands in all reached the gate within `timeout`
    /// seconds.
    func waitForArrivals(_ count: Int = 1, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while state.withLock({ $0.arrivals }) < count {
            if Date() > deadline { return false }
            usleep(1000)
        }
        return true
    }

    /// Opens the gate for good.
    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A running `MonitorServer` with test commands, a private short temporary
/// folder for sockets, and helpers to start monitors and clients; the
/// server is shut down and the folder removed after each test.
///
/// Test commands: `x-block` waits at `gate`; `x-block-thread` waits
/// there holding its thread (it never suspends); `x-event` emits `X_EVENT`
/// with `{"n": N}`; `x-oob` allows OOB and returns `{"oob": true}`;
/// `x-big` returns a string of `size` bytes. A test that needs other
/// settings (`-S`, `-name`) swaps the server with `restartServer`.
class ServerTestCase: XCTestCase {
    private(set) var server: MonitorServer!
    private(set) var folder = ""
    let gate = TestGate()

    override func setUpWithError() throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qmpsrv")
        server = makeServer { _ in }
    }

    /// Replaces the server, before anything was added to it, with one whose
    /// configuration `adjust` changed.
    func restartServer(_ adjust: (inout MonitorServer.Configuration) -> Void) async {
        server.shutdown(reason: .hostSignal)
        await server.stopped()
        server = makeServer(adjust)
    }

    /// A server with the test commands (sharing `gate`), its
    /// configuration changed by `adjust`.
    func makeServer(_ adjust: (inout MonitorServer.Configuration) -> Void = { _ in }) -> MonitorServer {
        let gate = self.gate
        var configuration = MonitorServer.Configuration(
            version: QMPVersion(major: 10, minor: 0, micro: 0),
            shutdownFlushTimeout: 5,
            commands: { registry, sink in Self.registerTestCommands(&registry, sink, gate) })
        adjust(&configuration)
        return MonitorServer(configuration: configuration)
    }

    override func tearDown() async throws {
        gate.open()
        server.shutdown(reason: .hostSignal)
        await server.stopped()
        // XCTest keeps every test case to the end: let the server go.
        server = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func registerTestCommands(
        _ registry: inout QMPCommandRegistry, _ sink: any QMPEventSink, _ gate: TestGate
    ) {
        registry.register(
            QMPCommand(
                name: "x-block",
                body: .inBand { _, _ in
                    await gate.wait()
                    return .object([:])
                }))
        registry.register(
            QMPCommand(
                name: "x-block-thread",
                body: .inBand { _, _ in
                    gate.waitBlockingThread()
                    return .object([:])
                }))
        registry.register(
            QMPCommand(
                name: "x-event",
                body: .inBand { arguments, _ in
                    sink.emit(QMPEventMessage(name: "X_EVENT", data: ["n": arguments["n"] ?? .null], timestamp: .now))
                    return .object([:])
                }))
        registry.register(
            QMPCommand(
                name: "x-oob", flags: .allowOOB,
                body: .outOfBand { _, _ in
                    .object(["oob": true])
                }))
        registry.register(
            QMPCommand(
                name: "x-big",
                body: .inBand { arguments, _ in
                    .string(String(repeating: "x", count: Int(arguments["size"]?.int64Value ?? 0)))
                }))
    }

    /// A path in the temporary folder.
    func path(_ name: String) -> String {
        folder + "/" + name
    }

    /// Adds a listening unix socket chardev `id` at `path(id + ".sock")`.
    @discardableResult
    func addSocketChardev(_ id: String) throws -> String {
        let socketPath = path(id + ".sock")
        try server.chardevs.add(
            id: id, backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
        return socketPath
    }

    /// Adds a socket chardev and a monitor on it; returns the socket path.
    @discardableResult
    func addSocketMonitor(
        _ id: String, chardev: String? = nil, mode: MonitorServer.MonitorMode = .control, pretty: Bool = false
    ) throws -> String {
        let chardevID = chardev ?? id + "-chr"
        let socketPath = try addSocketChardev(chardevID)
        try server.addMonitor(id: id, chardev: chardevID, mode: mode, pretty: pretty)
        return socketPath
    }

    /// A client of the socket at `path` that has read the greeting and,
    /// unless `negotiate` is false, negotiated (`enable` lists
    /// capabilities to switch on).
    func connect(_ socketPath: String, negotiate: Bool = true, enable: [String] = []) throws -> QMPTestClient {
        let client = try QMPTestClient.connect(unix: socketPath)
        let greeting = try client.readLine()
        XCTAssertTrue(greeting.hasPrefix(#"{"QMP": "#), greeting)
        if negotiate {
            let arguments =
                enable.isEmpty
                ? "" : #", "arguments": {"enable": [\#(enable.map { "\"\($0)\"" }.joined(separator: ", "))]}"#
            try client.send(#"{"execute": "qmp_capabilities"\#(arguments)}"#)
            XCTAssertEqual(try client.readLine(), #"{"return": {}}"#)
        }
        return client
    }
}

/// The JSON value of a line the server sent.
func json(_ line: String, file: StaticString = #filePath, line number: UInt = #line) -> JSONValue {
    do {
        return try JSONValue(parsing: line)
    } catch {
        XCTFail("not JSON: \(line) (\(error))", file: file, line: number)
        return .null
    }
}

/// `{"error": {"class": CLASS, "desc": DESC}}` as the server writes it
/// (with `"id": ID` first when given).
func errorLine(_ desc: String, _ errorClass: String = "GenericError", id: String? = nil) -> String {
    let body = #""error": {"class": "\#(errorClass)", "desc": "\#(desc)"}"#
    return id.map { #"{"id": \#($0), \#(body)}"# } ?? "{\(body)}"
}
