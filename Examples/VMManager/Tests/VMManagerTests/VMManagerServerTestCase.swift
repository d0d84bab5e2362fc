import Foundation
import QMPMonitor
import VMManager
import XCTest

/// Starts vm-manager's server in process, serving QMP on two unix sockets
/// (a socket chardev takes one client at a time) in a fresh temporary
/// folder, set up the way `MonitorDaemon.run` does it from `-qmp`
/// options, and stops it after each test.
class VMManagerServerTestCase: XCTestCase {
    private(set) var server: MonitorServer!
    private(set) var folder = ""
    /// The first QMP socket.
    var socketPath: String { folder + "/qmp.sock" }
    /// The second QMP socket.
    var secondSocketPath: String { folder + "/qmp2.sock" }

    override func setUpWithError() throws {
        var template = Array("/tmp/vmm-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw XCTSkip("mkdtemp failed") }
        folder = String(cString: made)
        // A short boot: the tests wait for events, never for time.
        server = MonitorServer(configuration: .vmManager(bootDelay: .milliseconds(10)))
        let options = [socketPath, secondSocketPath].flatMap { ["-qmp", "unix:\($0),server=on,wait=off"] }
        try MonitorDaemon.setUp(server, MonitorCommandLine(arguments: options))
    }

    override func tearDown() async throws {
        server.shutdown()
        await server.stopped()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A client of `path` (by default the first socket) that has read the
    /// greeting and negotiated.
    func connect(_ path: String? = nil) throws -> QMPLineClient {
        let client = try QMPLineClient(unix: path ?? socketPath)
        let greeting = try client.next()
        XCTAssertEqual(greeting["QMP"]?["version"]?["package"], "vm-manager")
        XCTAssertEqual(try client.result(#"{"execute": "qmp_capabilities"}"#), [:])
        return client
    }
}
