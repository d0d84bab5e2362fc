import QAPIRuntime
import XCTest

/// Spec J6: the parser's errors, one per complete token sequence.
final class JSONParserErrorTests: XCTestCase {
    private func error(_ detail: String) -> [String] { ["E:JSON parse error, " + detail] }

    func testJ6ExpectingValue() {
        XCTAssertEqual(results(#"{"execute": }"#), error("expecting value"))
        XCTAssertEqual(results("[1,]"), error("expecting value"))
        XCTAssertEqual(results(#"{"a": 1,}"#), error("expecting value"))
        XCTAssertEqual(results("[,1]"), error("expecting value"))
        XCTAssertEqual(results("[}"), error("expecting value"))
        XCTAssertEqual(results("{]"), error("expecting value"))
        XCTAssertEqual(results(#"{"a": ]"#), error("expecting value"))
        for closer in ["}", "]", ":", ","] {
            XCTAssertEqual(results(closer), error("expecting value"), closer)
        }
    }

    func testJ6KeyIsNotAString() {
        XCTAssertEqual(results("{1: 2}"), error("key is not a string in object"))
        XCTAssertEqual(results("{null: 2}"), error("key is not a string in object"))
        XCTAssertEqual(results("{{}: 2}"), error("key is not a string in object"))
        XCTAssertEqual(results("{[1, 2]: 2}"), error("key is not a string in object"))
        XCTAssertEqual(results(#"{"a": 1, 2: 3}"#), error("key is not a string in object"))
    }

    func testJ6MissingColon() {
        XCTAssertEqual(results(#"{"a" 1}"#), error("missing : in object pair"))
        XCTAssertEqual(results(#"{"a"}"#), error("missing : in object pair"))
        XCTAssertEqual(results(#"{"a", "b"}"#), error("missing : in object pair"))
    }

    func testJ6ExpectedSeparators() {
        XCTAssertEqual(results(#"{"a": 1 "b": 2}"#), error("expected separator in dict"))
        XCTAssertEqual(results(#"{"a": 1: 2}"#), error("expected separator in dict"))
        XCTAssertEqual(results(#"{"a": 1]"#), error("expected separator in dict"))
        XCTAssertEqual(results("[1 2]"), error("expected separator in list"))
        XCTAssertEqual(results("[1: 2]"), error("expected separator in list"))
        XCTAssertEqual(results("[[1]}"), error("expected separator in list"))
    }

    func testJ6DuplicateKeyAnywhere() {
        XCTAssertEqual(results(#"{"a": 1, "a": 2}"#), error("duplicate key"))
        XCTAssertEqual(results(#"{"x": [{"a": 1, "b": 2, 'a': 3}]}"#), error("duplicate key"))
        XCTAssertEqual(results(#"{"\u0061": 1, "a": 2}"#), error("duplicate key"))
        // Keys are compared byte for byte, without Unicode normalization.
        XCTAssertEqual(results(#"{"\u00e9": 1, "e\u0301": 2}"#), [#"{"\u00E9": 1, "e\u0301": 2}"#])
        // Large objects use an index for lookups; duplicates are still found.
        let keys = (0..<100).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        XCTAssertEqual(results("{" + keys + #", "k57": 0}"#), error("duplicate key"))
    }

    func testJ6InvalidKeyword() {
        XCTAssertEqual(results("[nul]"), error("invalid keyword 'nul'"))
        XCTAssertEqual(results(#"{"a": yes}"#), error("invalid keyword 'yes'"))
    }

    func testJ6FirstErrorWins() {
        XCTAssertEqual(results(#"{"a": nul, "a": 1}"#), error("invalid keyword 'nul'"))
        XCTAssertEqual(results(#"{"a": 1, "a": nul}"#), error("invalid keyword 'nul'"))
        XCTAssertEqual(results("{[1 2]: 3}"), error("expected separator in list"))
        XCTAssertEqual(results(#"{"\x": 1, 2: 3}"#), error("invalid escape sequence in string"))
        XCTAssertEqual(results(#"[1 2, "\x"]"#), error("expected separator in list"))
        XCTAssertEqual(results(#"{"a": [1, 2 3], "a": 1}"#), error("expected separator in list"))
    }

    func testJ6ErrorsAreOnePerMessage() {
        XCTAssertEqual(
            results(#"[1 2] {"a"} {"b": 1}"#),
            [
                "E:JSON parse error, expected separator in list",
                "E:JSON parse error, missing : in object pair",
                #"{"b": 1}"#,
            ])
    }
}
