// swift-tools-version:6.0
// swift-qapi: a QAPI schema compiler, runtime and QMP monitor core in Swift.
// Toolchain only: this package has no package dependencies, by design.
import PackageDescription

let package = Package(
    name: "swift-qapi",
    products: [
        .library(name: "QAPISchema", targets: ["QAPISchema"]),
        .library(name: "QAPICodegen", targets: ["QAPICodegen"]),
        .library(name: "QAPIRuntime", targets: ["QAPIRuntime"]),
        .library(name: "QMPMonitor", targets: ["QMPMonitor"]),
        .executable(name: "qapi-gen", targets: ["qapi-gen"]),
        .plugin(name: "QAPIGeneratorPlugin", targets: ["QAPIGeneratorPlugin"]),
    ],
    targets: [
        .target(name: "QAPISchema"),
        .target(name: "QAPICodegen", dependencies: ["QAPISchema"]),
        .target(name: "QAPIRuntime"),
        .target(name: "QMPMonitor", dependencies: ["QAPIRuntime"]),
        .executableTarget(name: "qapi-gen", dependencies: ["QAPISchema", "QAPICodegen"]),
        .plugin(name: "QAPIGeneratorPlugin", capability: .buildTool(), dependencies: ["qapi-gen"]),
        .executableTarget(
            name: "qapi-gen-bench", dependencies: ["QAPISchema", "QAPICodegen"],
            path: "Benchmarks/qapi-gen-bench"),
        .target(name: "QAPITestSupport", path: "Tests/QAPITestSupport"),
        .testTarget(name: "QAPISchemaTests", dependencies: ["QAPISchema", "QAPITestSupport", "qapi-gen"]),
        .testTarget(name: "QAPICodegenTests", dependencies: ["QAPICodegen", "QAPISchema", "QAPITestSupport", "qapi-gen"]),
        .testTarget(name: "QAPIRuntimeTests", dependencies: ["QAPIRuntime"]),
        .testTarget(name: "QMPMonitorTests", dependencies: ["QMPMonitor"]),
        .testTarget(name: "QAPIPluginTests", dependencies: ["QAPITestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
