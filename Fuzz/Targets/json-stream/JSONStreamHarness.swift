import QAPIRuntime

/// Spec J9 as a differential property. The payload of the input's
/// `ChunkPlan`, fed to `JSONStreamParser` in the plan's chunks, gives
/// exactly the results (values and errors, in order, then those of
/// `finish()`) of the same bytes fed in one piece; so does feeding the
/// chunks through `consume(_:stopAfterResult:)` as a monitor does, one
/// result at a time. Every value also survives the writer: written
/// compact and pretty and parsed again, it writes the same text (a
/// double with an integral value comes back as an integer, as in QEMU).
///
/// Flag bit 0 selects small limits (64-byte tokens, 32 tokens, depth 8),
/// so that the limit errors are reachable with short inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONStream(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let plan = ChunkPlan(UnsafeBufferPointer(start: data, count: size))
    let limits =
        plan.flag(0) ? JSONStreamLimits(maxTokenBytes: 64, maxTokenCount: 32, maxNesting: 8) : .qemu

    var whole = JSONStreamParser(limits: limits)
    let expected = whole.feed(plan.payload) + whole.finish()

    var chunked = JSONStreamParser(limits: limits)
    var fed: [JSONStreamParser.Output] = []
    for chunk in plan.chunks() { fed += chunked.feed(chunk.bytes) }
    fed += chunked.finish()
    checkSame(fed, expected, "chunked feed")

    var stepwise = JSONStreamParser(limits: limits)
    var consumed: [JSONStreamParser.Output] = []
    for chunk in plan.chunks() {
        var rest = chunk.bytes
        while !rest.isEmpty {
            let count = rest.withUnsafeBytes { stepwise.consume($0, stopAfterResult: true) { consumed.append($0) } }
            fuzzCheck(count > 0, "consume(_:stopAfterResult:) took no byte of \(rest.count)")
            rest = rest.dropFirst(count)
        }
    }
    consumed += stepwise.finish()
    checkSame(consumed, expected, "consume, one result at a time")

    for case .success(let value) in expected where value.writesExactly {
        checkWriterRoundTrip(value)
    }
    return 0
}

/// Traps unless `actual` and `expected` are the same results, value for
/// value (member order and number kinds included) and error for error.
private func checkSame(_ actual: [JSONStreamParser.Output], _ expected: [JSONStreamParser.Output], _ how: String) {
    let actualText = actual.map(render)
    let expectedText = expected.map(render)
    fuzzCheck(
        actual == expected && actualText == expectedText,
        "\(how) gave \(actualText), in one piece \(expectedText)")
}

/// A result as text: a value's compact JSON, or `E:` and the error's
/// stage and text.
private func render(_ output: JSONStreamParser.Output) -> String {
    switch output {
    case .success(let value): return value.description
    case .failure(let error): return "E:\(error.stage):\(error.message)"
    }
}

/// Traps unless `value`, written compact and pretty, parses back to a
/// value with the same compact text.
private func checkWriterRoundTrip(_ value: JSONValue) {
    for pretty in [false, true] {
        let text = JSONWriter(pretty: pretty).encode(value)
        var parser = JSONStreamParser()
        let parsed = parser.feed(text) + parser.finish()
        let original = value.description
        fuzzCheck(
            parsed.count == 1 && parsed.map(render) == [original],
            "\(original) written \(pretty ? "pretty" : "compact") parses as \(parsed.map(render))")
    }
}

extension JSONValue {
    /// Whether the writer's text for the value reads back as the same
    /// text: no infinity (written `null`, as JSON has none) and no
    /// negative zero (written `-0`, which reads back as the integer 0).
    fileprivate var writesExactly: Bool {
        switch self {
        case .double(let number): return number.isFinite && !(number == 0 && number.sign == .minus)
        case .array(let elements): return elements.allSatisfy(\.writesExactly)
        case .object(let members): return members.allSatisfy { $0.value.writesExactly }
        default: return true
        }
    }
}
