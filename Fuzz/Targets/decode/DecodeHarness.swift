import QAPIRuntime

/// A generated type as the decode harness uses it: read, written, compared.
typealias FuzzCodable = QAPICodable & Hashable

/// Arbitrary JSON (every value the input parses to, up to four) decoded
/// as every type generated from `qapi/` (`QMPMonitorSchemaTypes`) and from
/// the test schema that uses every construct of the language
/// (`WorkshopSchemaTypes`); the lists are written by Scripts/fuzz.sh from
/// the generated Swift. For each type: decoding never crashes, strictly
/// (a server's), under the compat policy that rejects deprecated and
/// unstable input, and tolerantly (a client's), with and without a drift
/// handler; and every decoded value re-encodes (`qapiEncoded()`) to JSON
/// that decodes again, with the same options, to an equal value. What
/// strict decoding accepts, the others accept as the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var parser = JSONStreamParser()
    let outputs = parser.feed(UnsafeRawBufferPointer(start: data, count: size)) + parser.finish()
    let values = outputs.compactMap { try? $0.get() }.prefix(4)
    if values.isEmpty { return -1 }
    for value in values {
        for type in QMPMonitorSchemaTypes.all + WorkshopSchemaTypes.all {
            checkDecoding(type, value)
        }
    }
    return 0
}

/// The decoding options the harness tries, by name.
private let rejectingPolicy = QAPIDecodingOptions(
    compat: QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true))
private let tolerantWithDrift = QAPIDecodingOptions.tolerant { _ in }

/// Checks the properties of `fuzzDecode` for `type` and `value`.
private func checkDecoding<Value: FuzzCodable>(_ type: Value.Type, _ value: JSONValue) {
    let strict = roundTrip(Value.self, value, .strict, "strict")
    let rejecting = roundTrip(Value.self, value, rejectingPolicy, "strict, rejecting deprecated and unstable")
    let tolerant = roundTrip(Value.self, value, .tolerant(), "tolerant")
    let drifting = roundTrip(Value.self, value, tolerantWithDrift, "tolerant with a drift handler")
    fuzzCheck(tolerant == drifting, "\(Value.self): a drift handler changes tolerant decoding of \(value)")
    if let strict {
        fuzzCheck(tolerant == strict, "\(Value.self): tolerant decoding differs from strict for \(value)")
        if let rejecting { fuzzCheck(rejecting == strict, "\(Value.self): the compat policy changes \(value)") }
    } else {
        fuzzCheck(rejecting == nil, "\(Value.self): the rejecting policy accepts what strict refuses: \(value)")
    }
    // Strict decoding also reports the QMP error a server would send.
    if strict == nil,
        case .failure(let error) = Result(catching: { () throws(QMPError) in
            try QAPIDecoder.decode(Value.self, from: value)
        })
    {
        fuzzCheck(!error.desc.isEmpty, "\(Value.self): empty error for \(value)")
    }
}

/// `value` decoded as `Value` with `options`, nil when it does not
/// decode; a decoded value must re-encode to JSON that decodes to it.
private func roundTrip<Value: FuzzCodable>(
    _ type: Value.Type, _ value: JSONValue, _ options: QAPIDecodingOptions, _ how: String
) -> Value? {
    guard let decoded = try? QAPIDecoder.decode(Value.self, from: value, options: options) else { return nil }
    let encoded = decoded.qapiEncoded()
    do {
        let again = try QAPIDecoder.decode(Value.self, from: encoded, options: options)
        fuzzCheck(
            again == decoded, "\(Value.self) (\(how)): \(value) decodes, re-encodes as \(encoded), decodes differently")
    } catch {
        fatalError("\(Value.self) (\(how)): \(value) decodes, re-encodes as \(encoded), fails: \(error.qmpError.desc)")
    }
    return decoded
}
