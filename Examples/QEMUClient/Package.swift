// swift-tools-version:6.0
// qemu-pause: an example of a package that talks to QEMU through a typed
// client generated from (a part of) QEMU's schema. It depends on
// swift-qapi by path, named "swift-qapi" whatever the folder of the
// checkout is called; a package of your own would use
// .package(url: "https://.../swift-qapi.git", from: "...") instead.
import PackageDescription

let package = Package(
    name: "QEMUClient",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qemu-pause", targets: ["qemu-pause"])
    ],
    dependencies: [
        .package(name: "swift-qapi", path: "../..")
    ],
    targets: [
        // The generated types, commands, events and client methods (from
        // schema/qemu.json, configured by Sources/QEMUClient/qapi-gen.json),
        // and the example's code that uses them.
        .target(
            name: "QEMUClient",
            dependencies: [
                .product(name: "QAPIRuntime", package: "swift-qapi"),
                .product(name: "QMPClient", package: "swift-qapi"),
            ],
            plugins: [.plugin(name: "QAPIGeneratorPlugin", package: "swift-qapi")]),
        // The command: qemu-pause SOCKET.
        .executableTarget(name: "qemu-pause", dependencies: ["QEMUClient"]),
        // Runs the example against swift-qapi's monitor core in process
        // (Linux), which answers these commands as QEMU does.
        .testTarget(
            name: "QEMUClientTests",
            dependencies: [
                "QEMUClient",
                .product(name: "QMPClient", package: "swift-qapi"),
                .product(name: "QMPMonitor", package: "swift-qapi"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
