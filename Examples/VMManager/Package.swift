// swift-tools-version:6.0
// vm-manager: an example of a package that serves its own QAPI schema
// with swift-qapi's monitor core. It depends on swift-qapi by path, named
// "swift-qapi" whatever the folder of the checkout is called; a package
// of your own would use .package(url: "https://.../swift-qapi.git",
// from: "...") instead.
import PackageDescription

let package = Package(
    name: "VMManager",
    products: [
        .executable(name: "vm-manager", targets: ["vm-manager"])
    ],
    dependencies: [
        .package(name: "swift-qapi", path: "../..")
    ],
    targets: [
        // The schema's Swift (generated at build time from qapi/ by the
        // plugin, configured by Sources/VMManager/qapi-gen.json), the
        // handler that implements its commands, and the pretend machines.
        .target(
            name: "VMManager",
            dependencies: [
                .product(name: "QAPIRuntime", package: "swift-qapi"),
                .product(name: "QMPMonitor", package: "swift-qapi"),
            ],
            plugins: [.plugin(name: "QAPIGeneratorPlugin", package: "swift-qapi")]),
        // The daemon: main.swift hands the configuration to MonitorDaemon.
        .executableTarget(
            name: "vm-manager",
            dependencies: [
                "VMManager",
                .product(name: "QMPMonitor", package: "swift-qapi"),
            ]),
        .testTarget(
            name: "VMManagerTests",
            dependencies: [
                "VMManager",
                .product(name: "QAPIRuntime", package: "swift-qapi"),
                .product(name: "QMPMonitor", package: "swift-qapi"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
