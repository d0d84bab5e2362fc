// swift-tools-version:6.0
// swift-qapi: a QAPI schema compiler, runtime and QMP monitor core in Swift.
// Toolchain only: this package has no package dependencies, by design.
import Foundation
import PackageDescription

let package = Package(
    name: "swift-qapi",
    // Swift concurrency's Duration and clocks (QMPClient, generated clients).
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "QAPISchema", targets: ["QAPISchema"]),
        .library(name: "QAPICodegen", targets: ["QAPICodegen"]),
        .library(name: "QAPIRuntime", targets: ["QAPIRuntime"]),
        .library(name: "QMPMonitor", targets: ["QMPMonitor"]),
        .library(name: "QMPClient", targets: ["QMPClient"]),
        .executable(name: "qapi-gen", targets: ["qapi-gen"]),
        .executable(name: "qmp-monitor", targets: ["qmp-monitor"]),
        .plugin(name: "QAPIGeneratorPlugin", targets: ["QAPIGeneratorPlugin"]),
    ],
    targets: [
        .target(name: "QAPISchema"),
        .target(name: "QAPICodegen", dependencies: ["QAPISchema"]),
        .target(name: "QAPIRuntime"),
        // The Swift generated from qapi/ (types, CommandHandler, events,
        // introspection), with package access: QMPMonitor implements it,
        // and no user of QMPMonitor sees its names, so a user's own schema
        // may define VersionInfo, Commands or CommandHandler freely.
        .target(
            name: "QMPMonitorSchema", dependencies: ["QAPIRuntime"],
            plugins: [.plugin(name: "QAPIGeneratorPlugin")]),
        // Linux's epoll (empty elsewhere), for QMPReactor.
        .target(name: "CEPoll"),
        // Descriptor readiness for the monitor's chardevs and the client's
        // sockets: an epoll thread on Linux, Dispatch sources elsewhere.
        .target(name: "QMPReactor", dependencies: ["QAPIRuntime", "CEPoll"]),
        .target(name: "QMPMonitor", dependencies: ["QAPIRuntime", "QMPMonitorSchema", "QMPReactor"]),
        .target(name: "QMPClient", dependencies: ["QAPIRuntime", "QMPReactor"]),
        .executableTarget(name: "qmp-monitor", dependencies: ["QMPMonitor", "QMPMonitorSchema", "QAPIRuntime"]),
        .executableTarget(name: "qapi-gen", dependencies: ["QAPISchema", "QAPICodegen"]),
        .plugin(name: "QAPIGeneratorPlugin", capability: .buildTool(), dependencies: ["qapi-gen"]),
        .executableTarget(
            name: "qapi-gen-bench", dependencies: ["QAPISchema", "QAPICodegen"],
            path: "Benchmarks/qapi-gen-bench"),
        .executableTarget(
            name: "qmp-bench", dependencies: ["QAPIRuntime"],
            path: "Benchmarks/qmp-bench"),
        .executableTarget(
            name: "qmp-client-bench", dependencies: ["QMPClient", "QAPIRuntime"],
            path: "Benchmarks/qmp-client-bench", exclude: ["qmp_client_bench.py"]),
        .executableTarget(
            name: "qapi-decode-bench", dependencies: ["QAPIRuntime"],
            path: "Benchmarks/qapi-decode-bench",
            plugins: [.plugin(name: "QAPIGeneratorPlugin")]),
        .target(name: "QAPITestSupport", dependencies: ["QAPIRuntime"], path: "Tests/QAPITestSupport"),
        // What client tests share: test options, async assertions, and a
        // qmp-monitor started as a process (found beside the test bundle).
        .target(
            name: "QMPClientTestSupport", dependencies: ["QMPClient", "QAPIRuntime", "QAPITestSupport"],
            path: "Tests/QMPClientTestSupport"),
        // Tests that run the qapi-gen executable do not list it as a dependency:
        // SwiftPM would then link its objects into the test bundle twice (once
        // more as the plugin's tool, for QAPIGeneratedTests). `swift test` and
        // `swift build --build-tests` build qapi-gen anyway, as a product.
        .testTarget(name: "QAPISchemaTests", dependencies: ["QAPISchema", "QAPITestSupport"]),
        // Golden/ holds the checked-in generated Swift, compared, not compiled, here.
        .testTarget(
            name: "QAPICodegenTests", dependencies: ["QAPICodegen", "QAPISchema", "QAPITestSupport"],
            exclude: ["Golden"]),
        .testTarget(name: "QAPIRuntimeTests", dependencies: ["QAPIRuntime", "QAPITestSupport"]),
        .testTarget(
            name: "QMPMonitorTests", dependencies: ["QMPMonitor", "QMPMonitorSchema", "QAPIRuntime", "QAPITestSupport"]),
        // Runs the built qmp-monitor (found beside the test bundle, like
        // qapi-gen; not a dependency, for the same reason).
        .testTarget(name: "QMPMonitorEndToEndTests", dependencies: ["QAPIRuntime", "QAPITestSupport"]),
        .testTarget(name: "QAPIPluginTests", dependencies: ["QAPICodegen", "QAPITestSupport"]),
        // Drives the client against scripted fake servers, and against the
        // built qmp-monitor (found beside the test bundle, not a dependency).
        .testTarget(name: "QMPClientTests", dependencies: ["QMPClient", "QAPIRuntime", "QMPClientTestSupport"]),
        // The client generated from qapi/ ("client": true in its
        // qapi-gen.json) driving the built qmp-monitor: every command,
        // events, out-of-band calls, errors and timeouts.
        .testTarget(
            name: "QMPClientGeneratedTests", dependencies: ["QMPClient", "QAPIRuntime", "QMPClientTestSupport"],
            plugins: [.plugin(name: "QAPIGeneratorPlugin")]),
        // Compiles the golden files of the workshop schema (Generated/ is a
        // link to Tests/QAPICodegenTests/Golden/workshop): the generated
        // code under review is the code these tests run. QMPMonitor serves
        // a subset of its commands beside the core's, and the generated
        // client talks to one serving them all.
        .testTarget(
            name: "QAPIGeneratedTests",
            dependencies: ["QAPIRuntime", "QMPMonitor", "QMPClient", "QAPITestSupport", "QMPClientTestSupport"],
            exclude: ["schema"]),
    ],
    swiftLanguageModes: [.v6]
)

// Drives the installed QEMU with a client that QAPIGeneratorPlugin
// generates from QEMU 10.0.13's schema in ../shared, read in place (the
// repository holds no copy; its qapi-gen.json names the subset). Declared
// only when that schema is there, so the package builds without ../shared.
if FileManager.default.fileExists(atPath: Context.packageDirectory + "/../shared/qemu-10.0.13/qapi/qapi-schema.json") {
    package.targets.append(
        .testTarget(
            name: "QMPClientLiveTests", dependencies: ["QMPClient", "QAPIRuntime", "QAPITestSupport"],
            plugins: [.plugin(name: "QAPIGeneratorPlugin")]))
}

// Everything builds and runs on Linux. Elsewhere (macOS) the package
// offers only its portable part: the compiler and its plugin, the runtime
// that generated code links, and the client. The monitor core and its
// daemon, the benchmarks and the tests use Linux-only calls (Glibc,
// epoll, /proc) and are left out there.
#if !os(Linux)
let portable: Set<String> = [
    "QAPISchema", "QAPICodegen", "QAPIRuntime", "CEPoll", "QMPReactor", "QMPClient", "qapi-gen",
    "QAPIGeneratorPlugin",
]
package.products.removeAll { !portable.contains($0.name) }
package.targets.removeAll { !portable.contains($0.name) }
#endif
