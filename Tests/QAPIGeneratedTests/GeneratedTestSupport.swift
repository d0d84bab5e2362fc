import QAPIRuntime
import XCTest

// Helpers for the tests of the code generated from schema/qapi-schema.json.
//
// The schema declares types named `String` and `Hashable`, and they live
// in this module, so test code spells the standard types `Swift.String`
// (and never names `Hashable`).

/// The one JSON value `text` holds, parsed by the runtime's parser.
func json(_ text: Swift.String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
    do {
        return try JSONValue(parsing: text)
    } catch {
        XCTFail("test input is not one JSON value (\(error.message)): \(text)", file: file, line: line)
        return .null
    }
}

/// The compact wire text of `value`, object members in the order the
/// generated code wrote them.
func wire(_ value: some QAPIEncodable) -> Swift.String {
    JSONWriter().string(value.qapiEncoded())
}

/// Checks that `value` encodes to exactly `text`, and that decoding `text`
/// gives `value` back.
func assertRoundTrip<T: QAPICodable & Equatable>(
    _ value: T, _ text: Swift.String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(wire(value), text, "encoding \(T.self)", file: file, line: line)
    let input = json(text, file: file, line: line)
    do {
        let decoded = try QAPIDecoder.decode(T.self, from: input)
        XCTAssertEqual(decoded, value, "decoding \(T.self) from \(text)", file: file, line: line)
    } catch {
        XCTFail("decoding \(T.self) from \(text) failed: \(error.desc)", file: file, line: line)
    }
}

/// `text` decoded as `T` (under `policy`), or nil after a failure.
func decoded<T: QAPIDecodable>(
    _ type: T.Type, _ text: Swift.String, policy: QAPICompatPolicy = QAPICompatPolicy(),
    file: StaticString = #filePath, line: UInt = #line
) -> T? {
    do {
        return try QAPIDecoder.decode(T.self, from: json(text, file: file, line: line), policy: policy)
    } catch {
        XCTFail("decoding \(T.self) from \(text) failed: \(error.desc)", file: file, line: line)
        return nil
    }
}

/// The text of the error decoding `text` as `T` fails with; a failure
/// when it decodes, or when the error is not a GenericError.
func decodingError<T: QAPIDecodable>(
    _ type: T.Type, _ text: Swift.String, policy: QAPICompatPolicy = QAPICompatPolicy(),
    file: StaticString = #filePath, line: UInt = #line
) -> Swift.String? {
    do {
        let value = try QAPIDecoder.decode(T.self, from: json(text, file: file, line: line), policy: policy)
        XCTFail("decoding \(T.self) from \(text) succeeded: \(value)", file: file, line: line)
        return nil
    } catch {
        XCTAssertEqual(error.errorClass, .genericError, "error class", file: file, line: line)
        return error.desc
    }
}

/// The compat policy that rejects deprecated input.
let rejectDeprecated = QAPICompatPolicy(rejectDeprecatedInput: true)

/// The compat policy that rejects unstable input.
let rejectUnstable = QAPICompatPolicy(rejectUnstableInput: true)

/// The compat policy that rejects both.
let rejectBoth = QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true)

/// The members of a valid `Scalars` object as JSON text, in schema order.
let validScalarMembers: [(key: Swift.String, value: Swift.String)] = [
    ("s", #""text""#), ("i", "1"), ("i8", "1"), ("i16", "1"), ("i32", "1"), ("i64", "1"), ("u8", "1"),
    ("u16", "1"), ("u32", "1"), ("u64", "1"), ("sz", "1"), ("num", "1.5"), ("flag", "true"),
    ("nothing", "null"), ("blob", "{}"),
]

/// A valid `Scalars` object as JSON text, except that member `key` has
/// the JSON text `value`, or is left out when `value` is nil.
func scalars(_ key: Swift.String, _ value: Swift.String?) -> Swift.String {
    var members: [Swift.String] = []
    for member in validScalarMembers {
        if member.key != key {
            members.append("\"\(member.key)\": \(member.value)")
        } else if let value {
            members.append("\"\(member.key)\": \(value)")
        }
    }
    return "{" + members.joined(separator: ", ") + "}"
}

/// A valid `Scalars` object as JSON text.
let validScalars = scalars("", nil)

/// The type names a `query-qmp-schema` entry refers to.
func schemaReferences(_ entry: JSONValue) -> [Swift.String] {
    let direct = ["arg-type", "ret-type", "element-type"].compactMap { entry[$0]?.stringValue }
    let listed = ["members", "variants"].flatMap { key in
        (entry[key]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
    }
    return direct + listed
}
