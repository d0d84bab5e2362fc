// Decodes QEMU's introspection payload (a `query-qmp-schema` return value)
// into typed values two ways, in the same run: the SchemaInfo types that
// qapi-gen generates from qapi/introspect.json (QEMU-dialect parser plus
// generated visitors), and hand-written Codable types with Foundation's
// JSONDecoder. Prints both figures, throughput and the ratio, and the
// generated path split into its parts (bytes -> JSONValue, JSONValue ->
// SchemaInfo, freeing the JSONValue tree); asserts nothing.
import Foundation
import QAPIRuntime

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    print("usage: qapi-decode-bench PAYLOAD.json [ITERATIONS]")
    print("  e.g. ../shared/qemu-10.0.13/reference/introspect-masked-alltrue.json")
    exit(2)
}
let iterations = arguments.dropFirst().first.flatMap(Int.init) ?? 50
guard let data = FileManager.default.contents(atPath: path) else {
    print("cannot read \(path)")
    exit(1)
}
let bytes = [UInt8](data)

/// The payload parsed by the QEMU-dialect parser, from raw bytes.
func parse() throws -> JSONValue {
    var parser = JSONStreamParser(
        limits: JSONStreamLimits(maxTokenBytes: Int(UInt32.max), maxTokenCount: Int(UInt32.max), maxNesting: 1024))
    let outputs = parser.feed(bytes) + parser.finish()
    guard outputs.count == 1, case .success(let value) = outputs[0] else {
        throw QMPError.generic("the payload is not one JSON value")
    }
    return value
}

/// The payload decoded with the generated visitors, from raw bytes.
func decodeGenerated() throws -> [SchemaInfo] {
    try QAPIDecoder.decode([SchemaInfo].self, from: try parse())
}

/// The payload decoded with Foundation, from the same bytes.
func decodeFoundation() throws -> [CodableSchemaInfo] {
    try JSONDecoder().decode([CodableSchemaInfo].self, from: data)
}

/// The monotonic clock, in seconds.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// Frees `tree` (its last reference), inside this call.
@inline(never)
func free(_ tree: consuming JSONValue) {}

/// Parses the payload `iterations` times after one warm-up run, timing
/// the parse and the freeing of the tree apart; returns the sorted
/// durations of each, in seconds.
func measureParseAndFree() throws -> (parse: [Double], free: [Double]) {
    var parseTimes: [Double] = []
    var freeTimes: [Double] = []
    for run in 0...iterations {
        let start = now()
        let tree = try parse()
        let parsed = now()
        free(tree)
        let freed = now()
        if run > 0 {
            parseTimes.append(parsed - start)
            freeTimes.append(freed - parsed)
        }
    }
    return (parseTimes.sorted(), freeTimes.sorted())
}

/// Runs `body` `iterations` times after one warm-up run; returns the
/// sorted durations in seconds.
func measure(_ body: () throws -> Void) rethrows -> [Double] {
    try body()
    var times: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()
}

/// One line of figures: min and median in ms, and the median's
/// throughput over the payload's size.
func report(_ label: String, _ times: [Double]) {
    let median = times[times.count / 2]
    print(
        String(
            format: "%@ min %6.2f ms, median %6.2f ms, %6.1f MB/s",
            label, times[0] * 1000, median * 1000, Double(bytes.count) / median / 1e6))
}

do {
    let generated = try decodeGenerated()
    let foundation = try decodeFoundation()
    guard generated.count == foundation.count else {
        print("the two decoders disagree: \(generated.count) vs \(foundation.count) entries")
        exit(1)
    }
    print("payload: \(bytes.count) bytes, \(generated.count) SchemaInfo entries, \(iterations) runs each")
    let tree = try parse()
    let (parseOnly, freeOnly) = try measureParseAndFree()
    let decodeOnly = try measure { _ = try QAPIDecoder.decode([SchemaInfo].self, from: tree) }
    let ours = try measure { _ = try decodeGenerated() }
    let theirs = try measure { _ = try decodeFoundation() }
    report("  parse  bytes -> JSONValue:         ", parseOnly)
    report("  decode JSONValue -> SchemaInfo:    ", decodeOnly)
    report("  free   the JSONValue tree:         ", freeOnly)
    report("generated SchemaInfo (QAPIRuntime):  ", ours)
    report("Foundation JSONDecoder (Codable):    ", theirs)
    print(
        String(
            format: "ratio (JSONDecoder / generated, medians): %.2fx",
            theirs[theirs.count / 2] / ours[ours.count / 2]))
} catch {
    print("decoding failed: \(error)")
    exit(1)
}
