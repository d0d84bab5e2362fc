import Foundation
import Glibc
import QAPITestSupport
import QMPClient
import XCTest

/// The built `qmp-monitor` (found beside the test bundle), started as a
/// process serving QMP on a unix socket in a folder of its own. Ending
/// the value terminates the daemon and removes the folder.
public final class MonitorDaemon {
    /// The socket the daemon's QMP monitor listens on.
    public let socketPath: String
    private let folder: URL
    private let process = Process()

    /// Starts `qmp-monitor` with `-qmp unix:…` and then `arguments`
    /// (`-S`, `-name NAME`, …). Skips the test when it is not built.
    public init(arguments: [String] = []) throws {
        let executable = TestEnvironment.productsDirectory.appendingPathComponent("qmp-monitor")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("qmp-monitor is not built at \(executable.path)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qmp-monitor-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socketPath = folder.appendingPathComponent("qmp.sock").path
        process.executableURL = executable
        process.arguments = ["-qmp", "unix:\(socketPath),server=on,wait=off"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The daemon's process id.
    public var processID: Int32 { process.processIdentifier }

    /// Connects to the daemon, retrying while it starts.
    public func connect(options: QMPConnection.Options = .testing()) async throws -> QMPConnection {
        var options = options
        options.retry = .whileProcessAlive(pid: processID, for: .seconds(10))
        return try await QMPConnection.connect(to: .unix(path: socketPath), options: options)
    }

    /// Freezes the daemon with `SIGSTOP`, a server that stays silent,
    /// and returns once the kernel shows it stopped (`/proc/PID/stat`),
    /// or gone.
    public func freeze() async {
        kill(processID, SIGSTOP)
        while let state = processState, state != "T" {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Lets a frozen daemon run again (`SIGCONT`).
    public func thaw() {
        kill(processID, SIGCONT)
    }

    /// The state letter of `/proc/PID/stat` (`S` sleeping, `T` stopped).
    private var processState: Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(processID)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        return stat[end...].dropFirst(2).first
    }

    /// Waits for the daemon to exit and returns its exit status.
    public func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
