// Decodes QEMU's introspection payload (a `query-qmp-schema` return value)
// into typed values two ways, in the same run: the SchemaInfo types that
// qapi-gen generates from qapi/introspect.json (QEMU-dialect parser plus
// generated visitors), and hand-written Codable types with Foundation's
// JSONDecoder. Prints both figures and the ratio; asserts nothing.
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

/// The payload decoded with the generated visitors, from raw bytes.
func decodeGenerated() throws -> [SchemaInfo] {
    var parser = JSONStreamParser(limits: JSONStreamLimits(maxTokenBytes: Int(UInt32.max), maxTokenCount: Int(UInt32.max), maxNesting: 1024))
    let outputs = parser.feed(bytes) + parser.finish()
    guard outputs.count == 1, case .success(let value) = outputs[0] else {
        throw QMPError.generic("the payload is not one JSON value")
    }
    return try QAPIDecoder.decode([SchemaInfo].self, from: value)
}

/// The payload decoded with Foundation, from the same bytes.
func decodeFoundation() throws -> [CodableSchemaInfo] {
    try JSONDecoder().decode([CodableSchemaInfo].self, from: data)
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

do {
    let generated = try decodeGenerated()
    let foundation = try decodeFoundation()
    guard generated.count == foundation.count else {
        print("the two decoders disagree: \(generated.count) vs \(foundation.count) entries")
        exit(1)
    }
    print("payload: \(bytes.count) bytes, \(generated.count) SchemaInfo entries")
    let ours = try measure { _ = try decodeGenerated() }
    let theirs = try measure { _ = try decodeFoundation() }
    let oursMedian = ours[ours.count / 2], theirsMedian = theirs[theirs.count / 2]
    print(String(format: "generated SchemaInfo (QAPIRuntime): min %.2f ms, median %.2f ms over %d runs",
                 ours[0] * 1000, oursMedian * 1000, iterations))
    print(String(format: "Foundation JSONDecoder (Codable):   min %.2f ms, median %.2f ms over %d runs",
                 theirs[0] * 1000, theirsMedian * 1000, iterations))
    print(String(format: "ratio (JSONDecoder / generated, medians): %.2fx", theirsMedian / oursMedian))
} catch {
    print("decoding failed: \(error)")
    exit(1)
}
