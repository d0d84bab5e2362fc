import QAPIRuntime
import XCTest

/// Spec J5 (lexical errors and recovery) and J11 (resynchronisation).
final class JSONRecoveryTests: XCTestCase {
    func testJ5StrayTokenIncludesTheOffendingByte() {
        XCTAssertEqual(results("@"), ["E:JSON parse error, stray '@'"])
        XCTAssertEqual(results(.raw("\"abc\u{01}")), ["E:JSON parse error, stray '\"abc\u{01}'"])
        XCTAssertEqual(results("\"nl\n"), ["E:JSON parse error, stray '\"nl\n'"])
    }

    func testJ5StrayTextOnTheWire() {
        let wireTexts = [
            [UInt8].raw("\"abc\u{01}"), .raw("\"nl\n"), .raw("\"ab\u{FF}"), .raw("'x\u{7F}\u{C3}\u{A9}\u{1F}"),
        ]
        .map { bytes -> String in
            var parser = JSONStreamParser()
            guard case .failure(let error) = parser.feed(bytes).first else { return "no error" }
            return wire(error.message)
        }
        XCTAssertEqual(
            wireTexts,
            [
                #""JSON parse error, stray '\"abc\u0001'""#,
                #""JSON parse error, stray '\"nl\n'""#,
                #""JSON parse error, stray '\"ab\uFFFD'""#,
                #""JSON parse error, stray ''x\u007F\u00E9\u001F'""#,
            ])
    }

    func testJ5InvalidUTF8InStrayTextIsOneReplacementPerMalformedSequence() {
        // QEMU's writer delimits malformed sequences its own way: an encoded
        // surrogate or a 5-byte form is one sequence; C0 80 is U+0000.
        let cases: [(String, String)] = [
            ("\"\u{ED}\u{A0}\u{80}\u{01}", #""JSON parse error, stray '\"\uFFFD\u0001'""#),
            ("\"\u{F8}\u{88}\u{80}\u{80}\u{80}\u{01}", #""JSON parse error, stray '\"\uFFFD\u0001'""#),
            ("\"\u{C0}\u{80}\u{01}", #""JSON parse error, stray '\"\u0000\u0001'""#),
            ("\"\u{E2}\u{82}\u{01}", #""JSON parse error, stray '\"\uFFFD\u0001'""#),
            ("\"\u{80}\u{80}\u{01}", #""JSON parse error, stray '\"\uFFFD\uFFFD\u0001'""#),
            ("\"\u{EF}\u{BF}\u{BE}\u{01}", #""JSON parse error, stray '\"\uFFFD\u0001'""#),
        ]
        for (input, expected) in cases {
            var parser = JSONStreamParser()
            guard case .failure(let error) = parser.feed([UInt8].raw(input)).first else {
                XCTFail("no error for \(input)")
                continue
            }
            XCTAssertEqual(wire(error.message), expected)
        }
    }

    func testJ5NulTruncatesTheStrayText() {
        XCTAssertEqual(results([0]), ["E:JSON parse error, stray ''"])
        XCTAssertEqual(results(.raw("\"ab\u{0}")), ["E:JSON parse error, stray '\"ab'"])
    }

    func testJ5ObservedConsequences() {
        XCTAssertEqual(
            results(#"{"execute": "query-version", "id": @}"#),
            [
                "E:JSON parse error, stray '@'",
                "E:JSON parse error, expecting value",
            ])
        XCTAssertEqual(results("-}"), ["E:JSON parse error, stray '-}'"])
        XCTAssertEqual(
            results("{\"execute\": \"foo\n{\"execute\": \"bar\"}"),
            [
                "E:JSON parse error, stray '\"foo\n'",
                #"{"execute": "bar"}"#,
            ])
        XCTAssertEqual(
            results(.raw("@\u{FF}")),
            [
                "E:JSON parse error, stray '@'",
                "E:JSON parse error, stray '\u{FFFD}'",
            ])
        XCTAssertEqual(results("@@ @"), ["E:JSON parse error, stray '@'"])
        XCTAssertEqual(results("@\n@"), ["E:JSON parse error, stray '@'", "E:JSON parse error, stray '@'"])
        XCTAssertEqual(results("@\t@"), ["E:JSON parse error, stray '@'"])
        XCTAssertEqual(results("@\r@"), ["E:JSON parse error, stray '@'", "E:JSON parse error, stray '@'"])
    }

    func testJ5RecoveryStopsAtStructuralCharacters() {
        XCTAssertEqual(
            results("@ x y, 1 "),
            [
                "E:JSON parse error, stray '@'",
                "E:JSON parse error, expecting value",
                "1",
            ])
        XCTAssertEqual(
            results(#"{"a": 1, @ "b": 2}"#),
            [
                "E:JSON parse error, stray '@'",
                "E:JSON parse error, expecting value",
                "2",
                "E:JSON parse error, expecting value",
            ])
        XCTAssertEqual(results(#"@ "x" {"a": 1}"#), ["E:JSON parse error, stray '@'", #"{"a": 1}"#])
        XCTAssertEqual(results(#"@ "x" [1]"#), ["E:JSON parse error, stray '@'", "[1]"])
        XCTAssertEqual(results("@ }"), ["E:JSON parse error, stray '@'", "E:JSON parse error, expecting value"])
    }

    func testJ5ErrorDiscardsTheUnfinishedMessage() {
        XCTAssertEqual(
            results(#"{"a": [1, 2, @]} {"b": 3}"#),
            [
                "E:JSON parse error, stray '@'",
                "E:JSON parse error, expecting value",
                "E:JSON parse error, expecting value",
                #"{"b": 3}"#,
            ])
        // A parse error seen before the lexical error is never reported.
        XCTAssertEqual(results(#"{"a" 1 @"#), ["E:JSON parse error, stray '@'"])
    }

    func testJ11ControlCharacterEndsHalfSentMessageWithOneError() {
        for byte: UInt8 in [0x01, 0x04, 0x1B, 0x00, 0xFF, 0xFE] {
            var input = Array(#"{"execute": "qmp_capabilities", "arguments": {"#.utf8)
            input.append(byte)
            input += Array(#"{"execute": "query-status"}"#.utf8)
            let outputs = results(input)
            XCTAssertEqual(outputs.count, 2, "byte \(byte)")
            XCTAssertTrue(outputs.first?.hasPrefix("E:JSON parse error, stray '") ?? false, "byte \(byte)")
            XCTAssertEqual(outputs.last, #"{"execute": "query-status"}"#, "byte \(byte)")
        }
        XCTAssertEqual(results(.raw("{\"a\": \u{1B}")), ["E:JSON parse error, stray '\u{1B}'"])
        XCTAssertEqual(results(.raw("{\"a\": \"x\u{1B}")), ["E:JSON parse error, stray '\"x\u{1B}'"])
    }

    func testJ11ControlCharacterWhileIdleGivesOneError() {
        XCTAssertEqual(results([0xFF]), ["E:JSON parse error, stray '\u{FFFD}'"])
        XCTAssertEqual(results([0x1B]), ["E:JSON parse error, stray '\u{1B}'"])
        XCTAssertEqual(results([0xFF, 0x7B, 0x7D]), ["E:JSON parse error, stray '\u{FFFD}'", "{}"])
    }
}
