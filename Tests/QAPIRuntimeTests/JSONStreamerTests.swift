import QAPIRuntime
import XCTest

/// Spec J7 (message boundaries), J8 (limits) and the stream API.
final class JSONStreamerTests: XCTestCase {
    // MARK: J7

    func testJ7ScalarAtTopLevelIsAMessage() {
        XCTAssertEqual(results("42\n"), ["42"])
        XCTAssertEqual(results(#""str""#), [#""str""#])
        XCTAssertEqual(results("null true false "), ["null", "true", "false"])
    }

    func testJ7StrayCloserEndsMessageImmediately() {
        XCTAssertEqual(results("]"), ["E:JSON parse error, expecting value"])
        XCTAssertEqual(results("]]"), ["E:JSON parse error, expecting value", "E:JSON parse error, expecting value"])
        XCTAssertEqual(results(#"{"a": 1]"#), ["E:JSON parse error, expected separator in dict"])
    }

    func testJ7BracesAndBracketsCountSeparately() {
        var parser = JSONStreamParser()
        XCTAssertEqual(render(parser.feed(Array(#"{"id": [}"#.utf8))), [])
        XCTAssertEqual(render(parser.feed(Array(#" "more" "#.utf8))), [])
        XCTAssertEqual(render(parser.feed(Array("]".utf8))), ["E:JSON parse error, expecting value"])
        XCTAssertEqual(render(parser.feed(Array(#"{"a": 1}"#.utf8))), [#"{"a": 1}"#])
    }

    func testJ7NestedValues() {
        XCTAssertEqual(
            results(#"{"a": [1, {"b": [[], {}]}], "c": {"d": "e"}}"#),
            [#"{"a": [1, {"b": [[], {}]}], "c": {"d": "e"}}"#])
    }

    // MARK: J8

    func testJ8QEMULimits() {
        XCTAssertEqual(JSONStreamLimits.qemu.maxTokenBytes, 64 * 1024 * 1024)
        XCTAssertEqual(JSONStreamLimits.qemu.maxTokenCount, 2 * 1024 * 1024)
        XCTAssertEqual(JSONStreamLimits.qemu.maxNesting, 1024)
    }

    func testJ8Depth1024IsFine() {
        let input = String(repeating: "[", count: 1024) + String(repeating: "]", count: 1024)
        let outputs = results(input)
        XCTAssertEqual(outputs.count, 1)
        XCTAssertFalse(outputs[0].hasPrefix("E:"))
    }

    func testJ8Depth1025FailsThenEachStrayCloserFails() {
        let input = String(repeating: "[", count: 1025) + String(repeating: "]", count: 1025)
        let outputs = results(input)
        XCTAssertEqual(outputs.first, "E:JSON nesting depth limit exceeded")
        XCTAssertEqual(outputs.count, 1026)
        XCTAssertEqual(Set(outputs.dropFirst()), ["E:JSON parse error, expecting value"])
    }

    func testJ8DepthCountsBracesAndBracketsTogether() {
        let input = String(repeating: #"{"a": ["#, count: 512) + "{"
        XCTAssertEqual(results(input), ["E:JSON nesting depth limit exceeded"])
        let fine = String(repeating: #"{"a": ["#, count: 512) + String(repeating: "]}", count: 512)
        XCTAssertEqual(results(fine).count, 1)
        XCTAssertFalse(results(fine)[0].hasPrefix("E:"))
    }

    func testJ8TokenCountLimit() {
        let limits = JSONStreamLimits(maxTokenBytes: 1 << 20, maxTokenCount: 5, maxNesting: 10)
        XCTAssertEqual(results("[1,2]", limits: limits), ["[1, 2]"])
        XCTAssertEqual(
            results("[1,2,3]", limits: limits),
            [
                "E:JSON token count limit exceeded",
                "E:JSON parse error, expecting value",
            ])
        // Parsing restarts with the next token.
        XCTAssertEqual(
            results("[1,2,3,4]", limits: limits),
            [
                "E:JSON token count limit exceeded",
                "E:JSON parse error, expecting value",
                "4",
                "E:JSON parse error, expecting value",
            ])
    }

    func testJ8TokenSizeLimitAcrossTokens() {
        let limits = JSONStreamLimits(maxTokenBytes: 16, maxTokenCount: 100, maxNesting: 10)
        // 1 + 12 + 1 bytes of tokens, plus one: 15 <= 16.
        XCTAssertEqual(results(#"["aaaaaaaaaa"]"#, limits: limits), [#"["aaaaaaaaaa"]"#])
        // The closing bracket would make it 17.
        XCTAssertEqual(results(#"["aaaaaaaaaaaa"]"#, limits: limits), ["E:JSON token size limit exceeded"])
    }

    func testJ8SizeIsCheckedBeforeCountBeforeDepth() {
        // The third '[' breaks all three limits at once: size wins, then count.
        let all = JSONStreamLimits(maxTokenBytes: 3, maxTokenCount: 2, maxNesting: 2)
        XCTAssertEqual(results("[[[", limits: all), ["E:JSON token size limit exceeded"])
        let countAndDepth = JSONStreamLimits(maxTokenBytes: 100, maxTokenCount: 2, maxNesting: 2)
        XCTAssertEqual(results("[[[", limits: countAndDepth), ["E:JSON token count limit exceeded"])
        let depth = JSONStreamLimits(maxTokenBytes: 100, maxTokenCount: 100, maxNesting: 2)
        XCTAssertEqual(results("[[[", limits: depth), ["E:JSON nesting depth limit exceeded"])
    }

    func testJ8SingleOversizedTokenIsFlushedByTheLexer() {
        let limits = JSONStreamLimits(maxTokenBytes: 16, maxTokenCount: 100, maxNesting: 10)
        let input = "\"" + String(repeating: "a", count: 20) + "\"\n"
        // The lexer cuts the token at 17 bytes and lexes on from the start
        // state: the rest of the string becomes a keyword, the closing quote
        // opens a new string.
        XCTAssertEqual(
            results(input, limits: limits),
            [
                "E:JSON token size limit exceeded",
                "E:JSON parse error, invalid keyword 'aaaa'",
                "E:JSON parse error, stray '\"\n'",
            ])
        let number = String(repeating: "1", count: 18) + " "
        XCTAssertEqual(results(number, limits: limits), ["E:JSON token size limit exceeded", "1"])
    }

    func testJ8RealTokenSizeLimit() {
        let mebi64 = 64 << 20
        // A string token of 64 MiB + 1 bytes is cut by the lexer: one 'a'
        // and the closing quote are left over.
        var input = [UInt8](repeating: UInt8(ascii: "a"), count: mebi64 + 3)
        input[0] = UInt8(ascii: "\"")
        input[input.count - 1] = UInt8(ascii: "\"")
        input.append(contentsOf: Array("\n{}".utf8))
        XCTAssertEqual(
            results(input),
            [
                "E:JSON token size limit exceeded",
                "E:JSON parse error, invalid keyword 'a'",
                "E:JSON parse error, stray '\"\n'",
                "{}",
            ])
        // 64 MiB - 1 bytes fit (size + 1 <= 64 MiB); 64 MiB do not, and
        // the streamer rejects them.
        for (size, expectValue) in [(mebi64 - 1, true), (mebi64, false)] {
            var token = [UInt8](repeating: UInt8(ascii: "b"), count: size)
            token[0] = UInt8(ascii: "\"")
            token[size - 1] = UInt8(ascii: "\"")
            var parser = JSONStreamParser()
            let outputs = parser.feed(token)
            XCTAssertEqual(outputs.count, 1)
            if expectValue {
                XCTAssertEqual(try outputs.first?.get().stringValue?.utf8.count, size - 2)
            } else {
                XCTAssertEqual(render(outputs), ["E:JSON token size limit exceeded"])
            }
        }
    }

    // MARK: stream API

    func testConsumeStopsAfterTheByteThatCompletedAResult() {
        var parser = JSONStreamParser()
        let input = Array(#"{"a":1}{"b":2}1]@"#.utf8)
        var seen: [String] = []
        input.withUnsafeBytes { buffer in
            var offset = 0
            var consumedPerCall: [Int] = []
            while offset < buffer.count {
                let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                let consumed = parser.consume(rest, stopAfterResult: true) { seen += render([$0]) }
                consumedPerCall.append(consumed)
                offset += consumed
            }
            XCTAssertEqual(consumedPerCall, [7, 7, 2, 1])
        }
        XCTAssertEqual(
            seen,
            [
                #"{"a": 1}"#, #"{"b": 2}"#, "1", "E:JSON parse error, expecting value",
                "E:JSON parse error, stray '@'",
            ])
    }

    func testConsumeStopsRightAfterAnOversizedToken() {
        var parser = JSONStreamParser(limits: JSONStreamLimits(maxTokenBytes: 8, maxTokenCount: 100, maxNesting: 10))
        let input = Array(#""aaaaaaaaaaaa" 1"#.utf8)
        var seen: [String] = []
        let consumed = input.withUnsafeBytes { buffer in
            parser.consume(buffer, stopAfterResult: true) { seen += render([$0]) }
        }
        XCTAssertEqual(consumed, 9)
        XCTAssertEqual(seen, ["E:JSON token size limit exceeded"])
    }

    func testResetForgetsPartialInput() {
        var parser = JSONStreamParser()
        XCTAssertEqual(render(parser.feed(Array(#"{"execute": "qu"#.utf8))), [])
        parser.reset()
        XCTAssertEqual(render(parser.feed(Array(#"{"b": 2}"#.utf8))), [#"{"b": 2}"#])
        XCTAssertEqual(render(parser.feed(Array("@".utf8))), ["E:JSON parse error, stray '@'"])
        parser.reset()
        XCTAssertEqual(render(parser.feed(Array("@".utf8))), ["E:JSON parse error, stray '@'"])
    }

    func testFinishFlushesPendingInput() {
        var parser = JSONStreamParser()
        XCTAssertEqual(render(parser.feed(Array("42".utf8))), [])
        XCTAssertEqual(render(parser.finish()), ["42"])
        XCTAssertEqual(render(parser.finish()), [])
        _ = parser.feed(Array("[1, 2".utf8))
        XCTAssertEqual(render(parser.finish()), ["E:JSON parse error, premature EOI"])
        _ = parser.feed(Array(#""abc"#.utf8))
        XCTAssertEqual(render(parser.finish()), ["E:JSON parse error, stray '\"abc'"])
        _ = parser.feed(Array("[1, -".utf8))
        XCTAssertEqual(render(parser.finish()), ["E:JSON parse error, stray '-'"])
        _ = parser.feed(Array("tru".utf8))
        XCTAssertEqual(render(parser.finish()), ["E:JSON parse error, invalid keyword 'tru'"])
        _ = parser.feed(Array("@ abc".utf8))
        XCTAssertEqual(render(parser.finish()), [])
        _ = parser.feed(Array("{} 1.5e3".utf8))
        XCTAssertEqual(render(parser.finish()), ["1500"])
    }

    func testParsingAWholeDocument() throws {
        XCTAssertEqual(try JSONValue(parsing: #" {"a": [1, 2.5, "x"]} "#), ["a": [1, 2.5, "x"]])
        XCTAssertEqual(try JSONValue(parsing: "17"), 17)
        XCTAssertThrowsError(try JSONValue(parsing: "1 2")) {
            XCTAssertEqual(($0 as? JSONParseError)?.message, "Expecting at most one JSON value")
        }
        XCTAssertThrowsError(try JSONValue(parsing: "[1 2]")) {
            XCTAssertEqual(($0 as? JSONParseError)?.message, "JSON parse error, expected separator in list")
        }
        XCTAssertThrowsError(try JSONValue(parsing: "  ")) {
            XCTAssertEqual(($0 as? JSONParseError)?.message, "JSON parse error, premature EOI")
        }
    }
}
