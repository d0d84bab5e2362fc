import QAPIRuntime
import XCTest

/// Spec J9: results do not depend on how the input is split into chunks;
/// plus round trips through the writer.
final class JSONChunkingTests: XCTestCase {
    /// Inputs that exercise every lexer state, recovery and the parser.
    static let corpus: [[UInt8]] = [
        Array(#"{"execute": "query-version", "id": 1}"#.utf8),
        Array("{'execute':'qmp_capabilities','arguments':{'enable':['oob']}}\n".utf8),
        Array(#"[1, -0, 1.5e3, -2.5E-3, 18446744073709551615, 18446744073709551616, true, false, null]"#.utf8),
        Array(#"42 -7 0 3.25 1e5{}"#.utf8),
        Array(#""\u00e9\uD83D\uDE00\n\t\"\'\/\\" 'a"b'"#.utf8),
        Array(#"{"execute": "query-version", "id": @}{"a":1}"#.utf8),
        Array("{\"execute\": \"foo\n{\"execute\": \"bar\"}".utf8),
        Array("-}01 1.} TRUE nul truex [1 2] {\"a\" 1} {\"a\":1,\"a\":2} ".utf8),
        [UInt8].raw("@\u{FF}{\"x\": \"\u{C3}\u{A9}\u{C0}\u{80}\"}\u{1B}[\"\u{ED}\u{A0}\u{80}\"]"),
        [UInt8].raw("\"ab\u{0}cd\" {\"id\": [} ] \"\\ud800\" \"\\u12\" \"\\q\""),
        Array(#"{"a": [1, {"b": [[], {}]}], "c": {"d": "e"}}  ]]"#.utf8),
    ]

    func testJ9EverySplitPointGivesTheSameResults() {
        for input in Self.corpus {
            let whole = results(input)
            XCTAssertFalse(whole.isEmpty)
            for split in 0...input.count {
                let chunks = [input[..<split], input[split...]]
                XCTAssertEqual(results(chunks: chunks), whole, "split at \(split) of \(input)")
            }
        }
    }

    func testJ9EveryPairOfSplitPointsGivesTheSameResults() {
        for input in Self.corpus.prefix(8) where input.count <= 64 {
            let whole = results(input)
            for first in 0...input.count {
                for second in first...input.count {
                    let chunks = [input[..<first], input[first..<second], input[second...]]
                    XCTAssertEqual(results(chunks: chunks), whole, "splits \(first), \(second)")
                }
            }
        }
    }

    func testJ9ByteAtATime() {
        for input in Self.corpus {
            let chunks = input.indices.map { input[$0...$0] }
            XCTAssertEqual(results(chunks: chunks), results(input))
        }
    }

    func testJ9SplitsAroundTheLexerTokenLimit() {
        let limits = JSONStreamLimits(maxTokenBytes: 16, maxTokenCount: 100, maxNesting: 10)
        let input = Array(
            ("\"" + String(repeating: "a", count: 40) + "\"\n['" + String(repeating: "b", count: 13) + "']").utf8)
        let whole = results(input, limits: limits)
        XCTAssertEqual(whole.first, "E:JSON token size limit exceeded")
        for split in 0...input.count {
            XCTAssertEqual(
                results(chunks: [input[..<split], input[split...]], limits: limits), whole, "split \(split)")
        }
    }

    func testJ9ManyMessagesInOneWrite() {
        let one = #"{"execute": "query-status", "id": 7}"#
        let input = Array(String(repeating: one, count: 100).utf8)
        let outputs = results(input)
        XCTAssertEqual(outputs.count, 100)
        XCTAssertEqual(Set(outputs), [#"{"execute": "query-status", "id": 7}"#])
    }

    func testRoundTripIsStable() throws {
        let inputs = [
            #"{"a": [1, -2, 3.5, 18446744073709551615, "x\u0000y", {"": null}], "b": {"c": [true, false]}}"#,
            #"["\u00E9\uD83D\uDE00", "\u001F\u007F", "/\\\"", 0.10000000000000001, -0, 1e300]"#,
            "{'single': 'quote\\'s', \"n\": -9223372036854775808}",
        ]
        for input in inputs {
            let first = try JSONValue(parsing: input)
            let written = JSONWriter().string(first)
            let second = try JSONValue(parsing: written)
            XCTAssertEqual(first, second, input)
            XCTAssertEqual(JSONWriter().string(second), written, input)
            let prettyWritten = JSONWriter(pretty: true).string(first)
            XCTAssertEqual(try JSONValue(parsing: prettyWritten), first, input)
        }
        XCTAssertEqual(
            JSONWriter().string(try JSONValue(parsing: inputs[1])),
            #"["\u00E9\uD83D\uDE00", "\u001F\u007F", "/\\\"", 0.10000000000000001, 0, 1.0000000000000001e+300]"#)
    }

    func testIntegralDoublesComeBackAsIntegers() throws {
        // %.17g drops the fraction, so QEMU re-reads these as integers.
        XCTAssertEqual(JSONWriter().string([.double(-0.0), .double(100)]), "[-0, 100]")
        XCTAssertEqual(try JSONValue(parsing: "[-0, 100]"), [.int(0), .int(100)])
    }

    func testRoundTripOfEveryBMPScalar() throws {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0xFFFF {
            if let scalar = Unicode.Scalar(value), QEMUUTF8.isValidCodePoint(value) { scalars.append(scalar) }
        }
        let original = JSONValue.string(String(scalars))
        let written = JSONWriter().encode(original)
        XCTAssertTrue(written.allSatisfy { $0 < 0x80 })
        XCTAssertEqual(try JSONValue(parsing: written), original)
    }
}
