import QAPIRuntime

/// What a monitor may write: a greeting, a response or an event.
enum MessageKind: String {
    case greeting = "QMP"
    case success = "return"
    case error
    case event
}

/// Traps unless `bytes` is one QMP message as QEMU writes it (spec T1 to
/// T3): one JSON object (read with the project's parser), then CRLF; in
/// the compact layout no other line break, in the pretty one CRLF line
/// breaks. The object has exactly one of `QMP`, `return`, `error` and
/// `event`, and only the members that go with it (spec G1, R10, R11,
/// E1): an error exactly `class` (one of QEMU's) and `desc`, strings.
/// Returns the message's kind.
@discardableResult
func checkMessage(_ bytes: [UInt8], pretty: Bool) -> MessageKind {
    let text = String(decoding: bytes, as: UTF8.self)
    fuzzCheck(
        bytes.count > 2 && bytes.suffix(2) == [0x0D, 0x0A], "message does not end in CRLF: \(text.debugDescription)")
    let body = bytes.dropLast(2)
    for index in body.indices {
        let isBreak = body[index] == 0x0A || body[index] == 0x0D
        if !pretty {
            fuzzCheck(!isBreak, "line break inside a compact message: \(text.debugDescription)")
        } else if body[index] == 0x0D {
            fuzzCheck(index + 1 < body.endIndex && body[index + 1] == 0x0A, "CR without LF: \(text.debugDescription)")
        } else if body[index] == 0x0A {
            fuzzCheck(index > body.startIndex && body[index - 1] == 0x0D, "LF without CR: \(text.debugDescription)")
        }
    }
    var parser = JSONStreamParser()
    let outputs = parser.feed(bytes) + parser.finish()
    guard outputs.count == 1, case .success(.object(let message)) = outputs[0] else {
        fatalError("message is not one JSON object: \(text.debugDescription) parses as \(outputs)")
    }
    let kinds = message.keys.compactMap(MessageKind.init(rawValue:))
    fuzzCheck(kinds.count == 1, "message with \(kinds.count) of QMP, return, error, event: \(text)")
    let kind = kinds[0]
    let allowed: Set<String>
    switch kind {
    case .greeting:
        allowed = ["QMP"]
        let greeting = message["QMP"]?.objectValue
        fuzzCheck(
            greeting.map { Set($0.keys) == ["version", "capabilities"] } == true
                && greeting?["capabilities"]?.arrayValue?.allSatisfy({ $0.stringValue != nil }) == true,
            "malformed greeting: \(text)")
    case .success:
        allowed = ["return", "id"]
    case .error:
        allowed = ["error", "id"]
        let error = message["error"]?.objectValue
        fuzzCheck(
            error.map { Set($0.keys) == ["class", "desc"] && $0.count == 2 } == true
                && error?["class"]?.stringValue.flatMap(QMPErrorClass.init(rawValue:)) != nil
                && error?["desc"]?.stringValue != nil,
            "malformed error: \(text)")
    case .event:
        allowed = ["event", "timestamp", "data"]
        let timestamp = message["timestamp"]?.objectValue
        fuzzCheck(
            message["event"]?.stringValue != nil
                && timestamp.map { Set($0.keys) == ["seconds", "microseconds"] } == true
                && (message["data"].map { $0.objectValue != nil } ?? true),
            "malformed event: \(text)")
    }
    fuzzCheck(Set(message.keys).isSubset(of: allowed), "unexpected member in \(kind.rawValue) message: \(text)")
    return kind
}
