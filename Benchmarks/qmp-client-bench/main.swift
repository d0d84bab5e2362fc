import Foundation
import QMPClient

// Measures `query-version` round trips per second with QMPClient's
// QMPConnection (typed: each reply is decoded into VersionInfo), one
// request in flight and 8 in flight from concurrent tasks, against
// qmp-monitor (the binary beside this one) and, when installed, against
// `qemu-system-x86_64 -M none`; and in the same run Python qemu.qmp's
// QMPClient against the same servers (qmp_client_bench.py, with python3),
// and a blocking one-thread client that decodes nothing, whose figures are
// the server's ceiling: no client gets much more out of that server.
// Prints, per figure, requests per second and the client's CPU time per
// request (its own process, user and system: what the client costs,
// whatever the server's speed), and the ratios; asserts nothing.
//
// usage: qmp-client-bench [SECONDS_PER_FIGURE]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let secondsPerFigure = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
let depth = 8

/// One figure: requests per second, and the client's CPU time (user and
/// system, whole process) per request in microseconds.
struct Figure {
    var rate: Double
    var cpuMicroseconds: Double
}

/// A client's figures: one request in flight, then `depth`.
struct Figures {
    var sequential: Figure
    var pipelined: Figure
}

/// This process's CPU time so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs `body` (which returns how many requests it made) and measures it.
func measured(_ body: () async throws -> Int) async rethrows -> Figure {
    let cpu = cpuSeconds()
    let start = ContinuousClock.now
    let count = try await body()
    let elapsed = (ContinuousClock.now - start).seconds
    return Figure(rate: Double(count) / elapsed, cpuMicroseconds: (cpuSeconds() - cpu) * 1e6 / Double(count))
}

/// QMPConnection's figures for the server on `socket` (started as `pid`).
func measureSwift(socket: String, pid: Int32) async throws -> Figures {
    var options = QMPConnection.Options()
    options.retry = .whileProcessAlive(pid: pid, for: .seconds(10))
    let connection = try await QMPConnection.connect(to: .unix(path: socket), options: options)
    let duration = Duration.seconds(secondsPerFigure)

    let sequential = try await measured {
        var count = 0
        let start = ContinuousClock.now
        while ContinuousClock.now - start < duration {
            _ = try await connection.execute(QueryVersion.self)
            count += 1
        }
        return count
    }
    let pipelined = try await measured {
        let start = ContinuousClock.now
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<depth {
                group.addTask {
                    var count = 0
                    while ContinuousClock.now - start < duration {
                        _ = try await connection.execute(QueryVersion.self)
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
    }
    // A socket monitor serves one client at a time (spec T7): release it.
    await connection.close()
    return Figures(sequential: sequential, pipelined: pipelined)
}

/// The blocking client's figures (the server's ceiling), or nil when it
/// cannot connect.
func measureCeiling(socket: String) async -> Figures? {
    guard let client = BlockingClient(path: socket) else {
        say("the blocking client cannot connect to \(socket)")
        return nil
    }
    let duration = Duration.seconds(secondsPerFigure)
    let sequential = await measured { client.sequential(for: duration) }
    let pipelined = await measured { client.pipelined(depth: depth, for: duration) }
    return Figures(sequential: sequential, pipelined: pipelined)
}

/// qemu.qmp's figures for the server on `socket`, or nil (with the reason
/// printed) when the script cannot run.
func measurePython(socket: String) throws -> Figures? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "qmp_client_bench.py")
    guard let python = findExecutable("python3") else {
        say("python3 not found; no qemu.qmp comparison")
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, socket, String(secondsPerFigure), String(depth)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var figures: [String: Figure] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 3, let rate = Double(parts[1]), let cpu = Double(parts[2]) {
            figures[String(parts[0])] = Figure(rate: rate, cpuMicroseconds: cpu)
        }
    }
    guard process.terminationStatus == 0, let sequential = figures["sequential"], let pipelined = figures["pipelined"]
    else {
        say(
            "qemu.qmp benchmark failed (exit \(process.terminationStatus)); is qemu.qmp installed? (pip install qemu.qmp)"
        )
        return nil
    }
    return Figures(sequential: sequential, pipelined: pipelined)
}

/// Starts `executable` with `arguments`, runs `body` with its process id,
/// then stops it.
func withServer<T>(
    _ executable: String, _ arguments: [String], socket: String, _ body: (Int32) async throws -> T
) async throws -> T {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
        // SIGKILL, not SIGTERM: a process started from a concurrency
        // thread inherits that thread's mask, in which Dispatch blocks
        // SIGTERM, and QEMU would never see it.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        unlink(socket)
    }
    return try await body(process.processIdentifier)
}

/// Measures both clients against one server and prints the figures.
func compare(_ label: String, _ executable: String, _ arguments: [String], socket: String) async throws {
    let (swift, python, ceiling) = try await withServer(executable, arguments, socket: socket) { pid in
        (
            try await measureSwift(socket: socket, pid: pid), try measurePython(socket: socket),
            await measureCeiling(socket: socket)
        )
    }
    let server = label.padding(toLength: 20, withPad: " ", startingAt: 0)
    func row(_ client: String, _ figures: Figures) {
        say(
            server + client.padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(
                    format: "%8.0f req/s %6.1f us  %8.0f req/s %6.1f us",
                    figures.sequential.rate, figures.sequential.cpuMicroseconds,
                    figures.pipelined.rate, figures.pipelined.cpuMicroseconds))
    }
    row("QMPConnection", swift)
    if let ceiling { row("blocking (max)", ceiling) }
    guard let python else { return }
    row("qemu.qmp", python)
    say(
        server
            + String(
                format: "ratio          %8.1fx       %6.1fx   %8.1fx       %6.1fx",
                swift.sequential.rate / python.sequential.rate,
                python.sequential.cpuMicroseconds / swift.sequential.cpuMicroseconds,
                swift.pipelined.rate / python.pipelined.rate,
                python.pipelined.cpuMicroseconds / swift.pipelined.cpuMicroseconds))
}

/// Prints `line` at once (standard output is a pipe under CI: no buffering,
/// so a stalled run shows how far it got).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

let here = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
let daemon = here.appendingPathComponent("qmp-monitor").path
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-client-bench-\(getpid())")
try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

do {
    guard FileManager.default.isExecutableFile(atPath: daemon) else {
        say("qmp-monitor not found beside the benchmark (\(daemon)); build it first")
        exit(1)
    }
    say(String(format: "query-version round trips, %.0f s per figure; us: client CPU per request", secondsPerFigure))
    say("server              client           1 in flight                  \(depth) in flight")
    let ourSocket = directory.appendingPathComponent("ours.sock").path
    try await compare("qmp-monitor", daemon, ["-qmp", "unix:\(ourSocket),server=on,wait=off"], socket: ourSocket)
    if let qemu = findExecutable("qemu-system-x86_64") {
        let qemuSocket = directory.appendingPathComponent("qemu.sock").path
        try await compare(
            "qemu-system-x86_64", qemu,
            ["-M", "none", "-display", "none", "-nodefaults", "-qmp", "unix:\(qemuSocket),server=on,wait=off"],
            socket: qemuSocket)
    } else {
        say("qemu-system-x86_64 not installed (Scripts/install-test-peers.sh --qemu); no QEMU figures")
    }
} catch {
    say("benchmark failed: \(error)")
    exit(1)
}
