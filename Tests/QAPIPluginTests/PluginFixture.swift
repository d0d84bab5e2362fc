import Foundation
import QAPITestSupport

/// A throwaway package that depends on this repository by path and
/// applies `QAPIGeneratorPlugin` to its one target, built with
/// `swift build`.
///
/// Every fixture shares one scratch directory, so `qapi-gen` and the
/// plugin are compiled once and reused by later builds (and later test
/// runs); the fixtures themselves are recreated on each use.
struct PluginFixture {
    /// The fixture's name: its folder and its target's name.
    let name: String
    /// The package's folder.
    let directory: URL

    /// Where the fixtures and their shared scratch directory live:
    /// `$QAPI_PLUGIN_FIXTURE_DIR`, or a folder in the temporary directory
    /// named after this repository's path.
    static let baseDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["QAPI_PLUGIN_FIXTURE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in TestEnvironment.repositoryRoot.path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("swift-qapi-plugin-fixtures-\(String(hash, radix: 16))")
    }()

    /// The scratch (build) directory every fixture shares.
    static var scratchDirectory: URL { baseDirectory.appendingPathComponent("scratch") }

    /// The package identity SwiftPM gives this repository as a path
    /// dependency.
    static var repositoryIdentity: String { TestEnvironment.repositoryRoot.lastPathComponent.lowercased() }

    /// Creates the fixture `name` afresh: a manifest, a source file and
    /// nothing else (the test writes the configuration and schema).
    init(name: String) throws {
        self.name = name
        self.directory = Self.baseDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write(Self.manifest(targetName: name), to: "Package.swift")
        try write("/// Unrelated to the schema.\nlet fixtureValue = 1\n", to: "Sources/\(name)/Unrelated.swift")
    }

    /// The manifest of a package with one target using the plugin.
    private static func manifest(targetName: String) -> String {
        """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "\(targetName)",
            dependencies: [.package(path: "\(TestEnvironment.repositoryRoot.path)")],
            targets: [
                .target(
                    name: "\(targetName)",
                    dependencies: [.product(name: "QAPIRuntime", package: "\(repositoryIdentity)")],
                    plugins: [.plugin(name: "QAPIGeneratorPlugin", package: "\(repositoryIdentity)")]),
            ],
            swiftLanguageModes: [.v6]
        )

        """
    }

    /// The target's source folder, where `qapi-gen.json` goes.
    var targetDirectory: URL { directory.appendingPathComponent("Sources/\(name)") }

    /// The path of the target's `qapi-gen.json`.
    var configPath: String { targetDirectory.appendingPathComponent("qapi-gen.json").path }

    /// The folder the plugin's generated files land in.
    var generatedDirectory: URL {
        Self.scratchDirectory.appendingPathComponent(
            "plugins/outputs/\(name.lowercased())/\(name)/destination/QAPIGeneratorPlugin")
    }

    /// Writes `contents` to the file at `relativePath` in the package,
    /// creating folders as needed.
    func write(_ contents: String, to relativePath: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// The absolute path of `relativePath` in the package.
    func path(_ relativePath: String) -> String {
        directory.appendingPathComponent(relativePath).path
    }

    /// What a `swift build` printed and how it ended.
    struct BuildResult {
        /// Standard output and standard error, interleaved.
        let output: String
        /// The exit status.
        let status: Int32
        /// How long the build took, in seconds.
        let seconds: Double
    }

    /// Runs `swift build -v` on the package (verbose, so that the log
    /// shows whether `qapi-gen` ran).
    func build() throws -> BuildResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "build", "-v", "--package-path", directory.path,
            "--scratch-path", Self.scratchDirectory.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let start = Date()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BuildResult(
            output: String(decoding: data, as: UTF8.self), status: process.terminationStatus,
            seconds: Date().timeIntervalSince(start))
    }
}
