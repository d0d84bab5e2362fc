import QAPIRuntime
import XCTest

/// Renders parser results as strings tests can compare: a value as its
/// compact JSON, an error as `E:` plus its exact text.
func render(_ outputs: [JSONStreamParser.Output]) -> [String] {
    outputs.map { output in
        switch output {
        case .success(let value): return value.description
        case .failure(let error): return "E:" + error.message
        }
    }
}

/// Feeds `bytes` in one chunk and renders the results.
func results(_ bytes: [UInt8], limits: JSONStreamLimits = .qemu) -> [String] {
    var parser = JSONStreamParser(limits: limits)
    return render(parser.feed(bytes))
}

/// Feeds `text` in one chunk and renders the results.
func results(_ text: String, limits: JSONStreamLimits = .qemu) -> [String] {
    results(Array(text.utf8), limits: limits)
}

/// Feeds `bytes` in the given chunks and renders all results.
func results(chunks: [ArraySlice<UInt8>], limits: JSONStreamLimits = .qemu) -> [String] {
    var parser = JSONStreamParser(limits: limits)
    var outputs: [JSONStreamParser.Output] = []
    for chunk in chunks { outputs += parser.feed(chunk) }
    return render(outputs)
}

/// The single value `text` parses to (followed by a newline so that a
/// top-level number completes).
func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
    var parser = JSONStreamParser()
    let outputs = parser.feed(Array((text + "\n").utf8))
    guard outputs.count == 1, case .success(let value) = outputs[0] else {
        XCTFail("expected one value, got \(render(outputs))", file: file, line: line)
        return nil
    }
    return value
}

/// The compact wire form of a string: what QMP would send for it.
func wire(_ string: String) -> String {
    JSONWriter().string(.string(string))
}

extension Array where Element == UInt8 {
    /// Bytes from a string with `\u{..}` escapes standing for raw bytes
    /// below 0x100 (so tests can write invalid UTF-8).
    static func raw(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value < 0x100, "raw() takes byte values only")
            return UInt8(scalar.value)
        }
    }
}
