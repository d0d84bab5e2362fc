import Foundation

/// A server process the benchmark measures: started at creation, ready
/// once its socket exists, stopped by ``stop()``.
final class BenchServer {
    /// The name printed beside its figures.
    let label: String
    /// The unix socket it listens on.
    let socketPath: String
    private let process = Process()

    /// Starts `executable` with `arguments` and waits (up to 5 s) until
    /// `socketPath` exists.
    init(_ label: String, _ executable: String, _ arguments: [String], socketPath: String) throws {
        self.label = label
        self.socketPath = socketPath
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socketPath) {
            usleep(25_000)
        }
    }

    /// Stops the process and removes its socket.
    func stop() {
        process.terminate()
        process.waitUntilExit()
        unlink(socketPath)
    }
}
