import Foundation
import Glibc
import QAPITestSupport
import XCTest

/// A running `qmp-monitor`, started from the build products folder (or
/// another server, such as QEMU, to compare with), with its standard
/// error in a file.
final class DaemonProcess {
    /// The built daemon.
    static var executable: URL {
        TestEnvironment.productsDirectory.appendingPathComponent("qmp-monitor")
    }

    /// The process (read by lifetime checks).
    let process = Process()
    private let exited = DispatchSemaphore(value: 0)
    private let errorFile: URL
    /// Pipes to standard input and output, when `stdio` was asked for.
    private(set) var stdio: QMPTestClient?

    /// Starts the daemon (or `executable`) with `arguments` in `folder`;
    /// `environment` entries are added to the test's environment. With
    /// `stdio`, the daemon's standard input and output are pipes read and
    /// written through `stdio`; otherwise they are /dev/null.
    init(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], stdio useStdio: Bool = false,
        executable: URL = DaemonProcess.executable
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw NSError(
                domain: "DaemonProcess", code: 1,
                userInfo: [
                    NSLocalizedDescriptionKey:
                        "\(executable.lastPathComponent) is not built at \(executable.path); run swift build first"
                ])
        }
        errorFile = URL(fileURLWithPath: folder).appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = try FileHandle(forWritingTo: errorFile)
        if useStdio {
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            stdio = QMPTestClient(
                reading: dup(output.fileHandleForReading.fileDescriptor),
                writing: dup(input.fileHandleForWriting.fileDescriptor))
            try process.run()
            try input.fileHandleForReading.close()
            try output.fileHandleForWriting.close()
            try input.fileHandleForWriting.close()
            try output.fileHandleForReading.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        if !process.isRunning { exited.signal() }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
        }
        // On Linux, run() adds a run-loop source that retains the Process,
        // which holds the source until waitUntilExit() lets go of it: a
        // Process only watched through its termination handler is never
        // freed, nor the standard error handle it holds.
        if !process.isRunning { process.waitUntilExit() }
    }

    /// Sends `signal` to the daemon.
    func send(signal number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status once the daemon has exited, or nil after `timeout`.
    func waitForExit(timeout: Double = 10) -> Int32? {
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        return process.terminationStatus
    }

    /// What the daemon wrote on standard error so far.
    var standardError: String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }
}
