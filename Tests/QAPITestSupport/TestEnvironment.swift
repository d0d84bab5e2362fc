import Foundation

/// Where the tests find the shared material and the built tools; shared
/// by every test target.
public enum TestEnvironment {
    /// The repository root (two levels above this file's folder).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The full path of `name` found in `$PATH`, or nil.
    public static func executableInPath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The folder holding the built products (`qapi-gen` beside the test bundle).
    public static let productsDirectory: URL = {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/"
            && !FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("qapi-gen").path)
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory
        #endif
    }()

    /// What a finished process printed and how it ended.
    public struct ProcessResult {
        /// What the process wrote on standard output.
        public let standardOutput: Data
        /// What the process wrote on standard error.
        public let standardError: Data
        /// The exit status.
        public let status: Int32
    }

    /// Runs `qapi-gen` with `arguments` in `directory`.
    public static func runQAPIGen(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("qapi-gen")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("qapi-gen-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errData = try Data(contentsOf: errorFile)
        return ProcessResult(standardOutput: outData, standardError: errData, status: process.terminationStatus)
    }
}
