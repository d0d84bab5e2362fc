import Foundation

/// Running arbitrary programs from tests.
public extension TestEnvironment {
    /// Runs `executable` with `arguments` to its end, collecting what it
    /// printed.
    static func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory
        let outputFile = folder.appendingPathComponent("run-stdout-\(UUID().uuidString)")
        let errorFile = folder.appendingPathComponent("run-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let outputHandle = try FileHandle(forWritingTo: outputFile)
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        try outputHandle.close()
        try errorHandle.close()
        return ProcessResult(
            standardOutput: try Data(contentsOf: outputFile), standardError: try Data(contentsOf: errorFile),
            status: process.terminationStatus)
    }
}
