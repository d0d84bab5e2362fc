// Measures QMP round trips of `query-version`: sequential (one request in
// flight) and pipelined (8 in flight), against qmp-monitor and, in the same
// run, against qemu-system-x86_64 when it is installed. Prints the figures
// and the ratio; asserts nothing.
//
// usage: qmp-bench [SECONDS_PER_FIGURE]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

let secondsPerFigure = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
let request = Array(#"{"execute": "query-version"}"#.utf8)

/// Requests per second with one request in flight.
func sequential(_ connection: QMPConnection) throws -> Double {
    let deadline = Date().addingTimeInterval(secondsPerFigure)
    var count = 0
    let start = Date()
    while Date() < deadline {
        try connection.send(request)
        _ = try connection.receive()
        count += 1
    }
    return Double(count) / Date().timeIntervalSince(start)
}

/// Requests per second with `depth` requests in flight.
func pipelined(_ connection: QMPConnection, depth: Int = 8) throws -> Double {
    for _ in 0..<depth { try connection.send(request) }
    let deadline = Date().addingTimeInterval(secondsPerFigure)
    var count = 0
    let start = Date()
    while Date() < deadline {
        _ = try connection.receive()
        count += 1
        try connection.send(request)
    }
    let elapsed = Date().timeIntervalSince(start)
    for _ in 0..<depth { _ = try connection.receive() }
    return Double(count) / elapsed
}

/// Starts `executable` with `arguments`, waits until `socketPath` accepts
/// connections, runs `body`, then stops the process.
func withServer<T>(_ executable: String, _ arguments: [String], socketPath: String,
                   _ body: () throws -> T) throws -> T {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
        process.terminate()
        process.waitUntilExit()
        unlink(socketPath)
    }
    for _ in 0..<200 where !FileManager.default.fileExists(atPath: socketPath) {
        usleep(25_000)
    }
    return try body()
}

/// The two figures for the server behind `socketPath`.
func measure(_ label: String, socketPath: String) throws -> (Double, Double) {
    // A socket monitor serves one client at a time (spec T7): each
    // connection is closed (released) before the next one is opened.
    let seq = try sequential(try QMPConnection(path: socketPath))
    let pipe = try pipelined(try QMPConnection(path: socketPath))
    print(String(format: "%@: sequential %.0f req/s, pipelined (8 in flight) %.0f req/s", label, seq, pipe))
    return (seq, pipe)
}

func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

let here = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
let daemon = here.appendingPathComponent("qmp-monitor").path
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-bench-\(getpid())")
try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

do {
    guard FileManager.default.isExecutableFile(atPath: daemon) else {
        print("qmp-monitor not found beside the benchmark (\(daemon)); build it first")
        exit(1)
    }
    let ourSocket = directory.appendingPathComponent("ours.sock").path
    let ours = try withServer(daemon, ["-qmp", "unix:\(ourSocket),server=on,wait=off"], socketPath: ourSocket) {
        try measure("qmp-monitor", socketPath: ourSocket)
    }
    guard let qemu = findExecutable("qemu-system-x86_64") else {
        print("qemu-system-x86_64 not installed (Debian package qemu-system-x86); no comparison")
        exit(0)
    }
    let qemuSocket = directory.appendingPathComponent("qemu.sock").path
    let theirs = try withServer(
        qemu, ["-M", "none", "-display", "none", "-nodefaults", "-qmp", "unix:\(qemuSocket),server=on,wait=off"],
        socketPath: qemuSocket
    ) {
        try measure("qemu-system-x86_64", socketPath: qemuSocket)
    }
    print(String(format: "ratio qmp-monitor / QEMU: sequential %.2fx, pipelined %.2fx",
                 ours.0 / theirs.0, ours.1 / theirs.1))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
