import Foundation

// Measures QMP round trips of `query-version`, with one request in flight
// and with 8, against three servers in one run: qmp-monitor, the floor (a
// responder with blocking I/O that parses nothing, `FloorResponder`, run
// as a second process of this executable) and qemu-system-x86_64 when it
// is installed. Each round measures every server in turn; each figure is
// the best of the rounds (other processes on the machine only ever slow
// a figure down). Prints the figures and the ratios to the floor and to
// QEMU; asserts nothing.
//
// usage: qmp-bench [SECONDS_PER_FIGURE [ROUNDS]]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let floorResponderFlag = "--floor-responder"
if CommandLine.arguments.count == 3 && CommandLine.arguments[1] == floorResponderFlag {
    do {
        try FloorResponder.serve(path: CommandLine.arguments[2])
    } catch {
        print("floor responder failed: \(error)")
        exit(1)
    }
}

let options = CommandLine.arguments.dropFirst().compactMap(Double.init)
let secondsPerFigure = options.first ?? 3
let rounds = max(1, Int(options.dropFirst().first ?? 1))
let request = Array("{\"execute\": \"query-version\", \"id\": 1}\n".utf8)

/// Requests per second with one request in flight.
func sequential(_ connection: QMPConnection) throws -> Double {
    let deadline = Date().addingTimeInterval(secondsPerFigure)
    var count = 0
    let start = Date()
    while Date() < deadline {
        try connection.send(request)
        try connection.receiveSuccess()
        count += 1
    }
    return Double(count) / Date().timeIntervalSince(start)
}

/// Requests per second with `depth` requests in flight: whenever
/// responses come back, as many new requests go out, in one write, so
/// that `depth` are in flight again. Every request must be answered.
func pipelined(_ connection: QMPConnection, depth: Int = 8) throws -> Double {
    // batches[n]: n requests in one buffer.
    let batches = (0...depth).map { Array(repeatElement(request, count: $0).joined()) }
    try connection.send(batches[depth])
    let deadline = Date().addingTimeInterval(secondsPerFigure)
    var count = 0
    let start = Date()
    while Date() < deadline {
        let answered = try connection.receiveSuccesses()
        guard answered <= depth else { throw SocketFailure(description: "more responses than requests") }
        count += answered
        try connection.send(batches[answered])
    }
    let elapsed = Date().timeIntervalSince(start)
    var outstanding = depth
    while outstanding > 0 { outstanding -= try connection.receiveSuccesses() }
    guard outstanding == 0 else { throw SocketFailure(description: "more responses than requests") }
    return Double(count) / elapsed
}

/// The figures of one server: requests per second with 1 and 8 in flight.
struct Figures {
    var sequential = 0.0
    var pipelined = 0.0
}

/// One round's figures for `server`.
func measure(_ server: BenchServer) throws -> Figures {
    // A socket monitor serves one client at a time (spec T7): each
    // connection is closed (released) before the next one is opened.
    Figures(
        sequential: try sequential(try QMPConnection(path: server.socketPath)),
        pipelined: try pipelined(try QMPConnection(path: server.socketPath)))
}

/// Prints `figures` of the server named `label`.
func printFigures(_ label: String, _ figures: Figures) {
    print(
        label.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(format: "1 in flight %7.0f req/s   8 in flight %7.0f req/s", figures.sequential, figures.pipelined)
    )
}

/// Prints `figures` as a share of `base`'s.
func printRatio(_ label: String, _ figures: Figures, to base: Figures) {
    print(
        label.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(
                format: "1 in flight %7.2fx       8 in flight %7.2fx",
                figures.sequential / base.sequential, figures.pipelined / base.pipelined))
}

func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

let benchmark = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
let daemon = benchmark.deletingLastPathComponent().appendingPathComponent("qmp-monitor").path
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qmp-bench-\(getpid())")
try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
var servers: [BenchServer] = []

/// Stops every server, removes their sockets' directory and exits.
@MainActor func finish(_ status: Int32) -> Never {
    for server in servers { server.stop() }
    try? FileManager.default.removeItem(at: directory)
    exit(status)
}

guard FileManager.default.isExecutableFile(atPath: daemon) else {
    print("qmp-monitor not found beside the benchmark (\(daemon)); build it first")
    finish(1)
}
let qemu = findExecutable("qemu-system-x86_64")
do {
    func socket(_ name: String) -> String { directory.appendingPathComponent(name).path }
    servers.append(
        try BenchServer(
            "qmp-monitor", daemon, ["-qmp", "unix:\(socket("ours.sock")),server=on,wait=off"],
            socketPath: socket("ours.sock")))
    servers.append(
        try BenchServer(
            "floor", benchmark.path, [floorResponderFlag, socket("floor.sock")], socketPath: socket("floor.sock")))
    if let qemu {
        servers.append(
            try BenchServer(
                "qemu-system-x86_64", qemu,
                [
                    "-M", "none", "-display", "none", "-nodefaults", "-qmp",
                    "unix:\(socket("qemu.sock")),server=on,wait=off",
                ],
                socketPath: socket("qemu.sock")))
    }
    var best = [Figures](repeating: Figures(), count: servers.count)
    for _ in 0..<rounds {
        for (index, server) in servers.enumerated() {
            let figures = try measure(server)
            best[index].sequential = max(best[index].sequential, figures.sequential)
            best[index].pipelined = max(best[index].pipelined, figures.pipelined)
        }
    }
    for (server, figures) in zip(servers, best) { printFigures(server.label, figures) }
    let (ours, floor) = (best[0], best[1])
    printRatio("qmp-monitor / floor", ours, to: floor)
    if qemu != nil {
        printRatio("qemu-system-x86_64 / floor", best[2], to: floor)
        printRatio("qmp-monitor / QEMU", ours, to: best[2])
    } else {
        print("qemu-system-x86_64 not installed (Debian package qemu-system-x86); no comparison with QEMU")
    }
    finish(0)
} catch {
    print("benchmark failed: \(error)")
    finish(1)
}
