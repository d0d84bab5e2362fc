// Measures qapi-gen on a whole schema (QEMU's, typically): the front end
// (read, check, build, dump) and Swift generation, in process and as
// complete `qapi-gen --dump` and `qapi-gen -o DIR` runs. Prints figures;
// asserts nothing.
import Foundation
import QAPICodegen
import QAPISchema

let arguments = CommandLine.arguments.dropFirst()
guard let schemaPath = arguments.first else {
    print("usage: qapi-gen-bench SCHEMA [ITERATIONS]")
    exit(2)
}
let iterations = arguments.dropFirst().first.flatMap(Int.init) ?? 30

/// Runs `body` `iterations` times; returns the sorted durations in seconds.
func measure(_ iterations: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var times: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()
}

func report(_ label: String, _ times: [Double]) {
    let median = times[times.count / 2]
    print(
        String(
            format: "%@: min %.2f ms, median %.2f ms over %d runs", label, times[0] * 1000, median * 1000, times.count))
}

let tool = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    .deletingLastPathComponent().appendingPathComponent("qapi-gen")
let url = URL(fileURLWithPath: schemaPath)
_ = FileManager.default.changeCurrentDirectoryPath(url.deletingLastPathComponent().path)
let fileName = url.lastPathComponent

var dumpSize = 0
do {
    report(
        "phase: read + parse",
        try measure(iterations) {
            _ = try QAPISchemaParser.parse(fileName: fileName)
        })
    report(
        "phase: read + parse + expression checks",
        try measure(iterations) {
            _ = try QAPIExpressionChecker.check(try QAPISchemaParser.parse(fileName: fileName).expressions)
        })
    report(
        "phase: whole front end (schema built)",
        try measure(iterations) {
            _ = try QAPICheckedSchema(fileName: fileName)
        })
    let inProcess = try measure(iterations) {
        let schema = try QAPICheckedSchema(fileName: fileName)
        dumpSize = QAPITestDump.render(schema).utf8.count
    }
    report("in process: read + check + build + dump", inProcess)
    print("dump size: \(dumpSize) bytes")
    var generatedSize = 0
    report(
        "in process: read + check + build + generate Swift",
        try measure(iterations) {
            let schema = try QAPICheckedSchema(fileName: fileName)
            generatedSize = try QAPISwiftGenerator.generate(schema, options: SwiftGeneratorOptions())
                .reduce(0) { $0 + $1.contents.utf8.count }
        })
    print("generated Swift: \(generatedSize) bytes")
} catch let error as QAPIError {
    print(error.qemuDescription)
    exit(1)
}

/// Runs `qapi-gen --dump` once with `posix_spawn`, output to /dev/null,
/// and waits for it (Foundation's `Process` adds milliseconds of its own).
func runWholeProcess(_ executable: String, _ arguments: [String]) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
    var exitStatus: Int32 = 0
    _ = waitpid(pid, &exitStatus, 0)
}

if FileManager.default.isExecutableFile(atPath: tool.path) {
    report(
        "whole process: qapi-gen --dump",
        try measure(max(5, iterations / 3)) {
            try runWholeProcess(tool.path, ["--dump", fileName])
        })
    // Fresh directories, so every run writes every file.
    let outputRoot = FileManager.default.temporaryDirectory.appendingPathComponent("qapi-gen-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: outputRoot) }
    var run = 0
    report(
        "whole process: qapi-gen -o DIR (every file written)",
        try measure(max(5, iterations / 3)) {
            run += 1
            try runWholeProcess(tool.path, ["-o", outputRoot.appendingPathComponent("\(run)").path, fileName])
        })
} else {
    print("qapi-gen not found beside the benchmark (\(tool.path)); whole-process figure skipped")
}
