import Foundation
import QAPITestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway package that depends on this repository by path and
/// applies `QAPIGeneratorPlugin` to its target `Fixture` (and to any extra
/// targets a test asks for), built with `swift build`.
///
/// There is one fixture package, reused by every test (and every test
/// run) with the same scratch directory, so `qapi-gen`, the plugin and
/// `QAPIRuntime` are compiled once. (SwiftPM keeps one build description
/// per scratch directory and does not notice a different root package,
/// so the package's folder must not change.) Each use starts from an
/// empty target and schema; a file lock keeps parallel test processes
/// from sharing it at once.
final class PluginFixture {
    /// The name of the fixture's one target.
    static let targetName = "Fixture"

    /// Where the fixture and its scratch directory live:
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
            .appendingPathComponent("swift-qapi-plugin-fixture-\(String(hash, radix: 16))")
    }()

    /// The package identity SwiftPM gives this repository as a path
    /// dependency.
    private static var repositoryIdentity: String { TestEnvironment.repositoryRoot.lastPathComponent.lowercased() }

    /// The package's folder.
    let directory = PluginFixture.baseDirectory.appendingPathComponent("fixture")
    /// The scratch (build) directory.
    let scratchDirectory = PluginFixture.baseDirectory.appendingPathComponent("scratch")
    /// The descriptor of the held lock file.
    private let lockDescriptor: Int32

    /// Takes the fixture (waiting for another test process to release
    /// it) and empties it: a manifest, one unrelated source file, no
    /// configuration, no schema, no generated files. `extraTargets` are
    /// more targets using the plugin, in `Sources/NAME` (which the test
    /// fills).
    init(extraTargets: [String] = []) throws {
        try FileManager.default.createDirectory(at: Self.baseDirectory, withIntermediateDirectories: true)
        lockDescriptor = open(
            Self.baseDirectory.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        while flock(lockDescriptor, LOCK_EX) != 0 && errno == EINTR {}

        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: directory.path) where name != "Package.swift" {
            try manager.removeItem(at: directory.appendingPathComponent(name))
        }
        for target in [Self.targetName] + extraTargets {
            try? manager.removeItem(at: generatedDirectory(for: target))
        }
        let manifestURL = directory.appendingPathComponent("Package.swift")
        let manifest = Self.manifest(targets: [Self.targetName] + extraTargets)
        if (try? String(contentsOf: manifestURL, encoding: .utf8)) != manifest {
            try write(manifest, to: "Package.swift")
        }
        try write("/// Unrelated to the schema.\nlet fixtureValue = 1\n", to: "Sources/Fixture/Unrelated.swift")
    }

    /// Releases the fixture.
    deinit {
        close(lockDescriptor)
    }

    /// The manifest of a package whose `targets` all use the plugin.
    private static func manifest(targets: [String]) -> String {
        let declarations = targets.map { name in
            """
                    .target(
                        name: "\(name)",
                        dependencies: [.product(name: "QAPIRuntime", package: "\(repositoryIdentity)")],
                        plugins: [.plugin(name: "QAPIGeneratorPlugin", package: "\(repositoryIdentity)")]),

            """
        }
        return """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "QAPIPluginFixture",
                dependencies: [.package(path: "\(TestEnvironment.repositoryRoot.path)")],
                targets: [
            \(declarations.joined())    ],
                swiftLanguageModes: [.v6]
            )

            """
    }

    /// The path of the target's `qapi-gen.json`.
    var configPath: String { path("Sources/Fixture/qapi-gen.json") }

    /// The folder the plugin's generated files for `Fixture` land in.
    var generatedDirectory: URL { generatedDirectory(for: Self.targetName) }

    /// The folder the plugin's generated files for `target` land in.
    func generatedDirectory(for target: String) -> URL {
        scratchDirectory.appendingPathComponent(
            "plugins/outputs/\(directory.lastPathComponent.lowercased())/\(target)/destination/QAPIGeneratorPlugin")
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
        /// Whether `swift build` died of a signal (then `status` is the
        /// signal's number).
        let crashed: Bool

        /// Whether SwiftPM planned the build (and so ran the plugin): the
        /// verbose log then shows the plugin's prebuild command running.
        var planned: Bool { output.contains("Running Clearing the request for a new build plan of") }

        /// Whether `qapi-gen` generated Swift (its command line is in the
        /// verbose log when it runs).
        var generated: Bool { output.contains(" --diagnostics compiler ") }
    }

    /// Runs `swift build -v` on the package (verbose, so that the log
    /// shows whether `qapi-gen` ran) and prints how long it took.
    ///
    /// SwiftPM runs build-tool plugins only when it plans the build, and
    /// it reuses the last plan while the package's structure (manifest,
    /// files in target folders) is unchanged; `replan` makes it plan
    /// again, as a changed package would.
    ///
    /// When `swift build` itself dies of a signal (this toolchain's SwiftPM
    /// crashes now and then inside libdispatch, before or after running
    /// anything of ours: a crash of the plugin or of `qapi-gen` is a failed
    /// build, not a signal), the build runs once more, and says so.
    func build(_ label: String, replan: Bool = false) throws -> BuildResult {
        let result = try buildOnce(label, replan: replan)
        guard result.crashed else { return result }
        print("plugin fixture: \(label): swift build died of signal \(result.status); running it again")
        return try buildOnce("\(label), again", replan: replan)
    }

    /// Runs `swift build -v` once; see `build(_:replan:)`.
    private func buildOnce(_ label: String, replan: Bool) throws -> BuildResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "swift", "build", "-v", "--package-path", directory.path, "--scratch-path", scratchDirectory.path,
            ] + (replan ? ["--disable-build-manifest-caching"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let start = Date()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        print("plugin fixture: \(label): \(String(format: "%.1f", seconds)) s")
        return BuildResult(
            output: String(decoding: data, as: UTF8.self), status: process.terminationStatus, seconds: seconds,
            crashed: process.terminationReason == .uncaughtSignal)
    }
}
