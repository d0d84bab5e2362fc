import QAPIRuntime
import QAPITestSupport
import XCTest

/// The lexer lexes tokens that lie wholly inside one chunk in place (the
/// fast path) and leaves everything else to its byte-by-byte state
/// machine. Fed one byte at a time, no string, number or keyword ever
/// lies inside a chunk, so that is the state machine alone: every other
/// split must give the same results (spec J9), and `consume` must stop
/// after the same bytes.
final class JSONFastPathTests: XCTestCase {
    /// Inputs aimed at the fast path's edges.
    static let corpus: [[UInt8]] = [
        // A quote, backslash or control byte at each position of an
        // eight-byte word, and non-ASCII bytes.
        Array(#"["", "a", "ab\"c", "abcdefg\\", "abcdefgh\"ijklmnop", "abcdefghijklmnopq"]"#.utf8),
        Array(#"["abcdefg\"h", "abcdefgh\\", "\\\\\\\\\\\\\\\\\\", "x\/y\'z"]"#.utf8),
        [UInt8].raw("[\"abcdefg\u{1F}\", \"abc\u{7F}defgh\", \"abcdefgh\u{C3}\u{A9}ijklmno\", \"\u{FE}abc\"]"),
        [UInt8].raw(
            "[\"abcdefgh\u{FF}\"] [\"abcdefgh\\\u{1}\"] [\"\u{C0}\u{80}abcdefg\"] [\"abcd\u{ED}\u{A0}\u{80}\"]"),
        [UInt8].raw("{'sq': 'it\"s', \"dq\": \"it's\", 'e': 'a\\'b'}"),
        Array(#"["\u00e9\ud83d\ude00", "\ud800", "\u12", "\q", "\u0000"]"#.utf8),
        // Numbers and keywords, and what may follow them.
        Array("[0, -0, 0.5, -0.5e-3, 0e5, 1e5, 12.5E+3, 18446744073709551616, -9223372036854775809]".utf8),
        Array(#"[1"a", true"b", 1-2, 2.5.5, 0e, 0.e1, 1e+, -, 01, nul, truex, null]"#.utf8),
        Array("[true,false,null] 12 -3 4.5 1e2 0 true {\"k\":false}".utf8),
        // Everything between tokens.
        Array(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n\n[ ]".utf8),
        [UInt8].raw("{\"a\": 1}\u{1B}{\"b\": @}{\"c\": 3}\u{0}[4]"),
        Array(#"{"a":{"a":{"a":{"a":[[[[]]]]}}}} ]] }} {"x": [} ]"#.utf8),
        Array(#"{"dup": 1, "dup": 2} {"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k1":0}"#.utf8),
    ]

    func testEverySplitOfTheCorpusMatchesTheStateMachine() {
        for input in Self.corpus {
            let reference = stateMachineResults(input)
            XCTAssertEqual(results(input), reference, "whole \(input)")
            for split in 0...input.count {
                XCTAssertEqual(
                    results(chunks: [input[..<split], input[split...]]), reference, "split \(split) of \(input)")
            }
        }
    }

    func testRandomInputsMatchTheStateMachine() {
        var random = SplitMix64(seed: 0x5157_4A53_4F4E)
        for _ in 0..<3000 {
            let input = Self.randomInput(&random)
            let reference = stateMachineResults(input)
            XCTAssertEqual(results(input), reference, "whole \(input)")
            let first = Int(random.next() % UInt64(input.count + 1))
            let second = first + Int(random.next() % UInt64(input.count - first + 1))
            let chunks = [input[..<first], input[first..<second], input[second...]]
            XCTAssertEqual(results(chunks: chunks), reference, "splits \(first), \(second) of \(input)")
        }
    }

    func testRandomInputsUnderLowLimitsMatchTheStateMachine() {
        let limits = JSONStreamLimits(maxTokenBytes: 9, maxTokenCount: 12, maxNesting: 3)
        var random = SplitMix64(seed: 0x4C49_4D49_5453)
        for _ in 0..<3000 {
            let input = Self.randomInput(&random)
            XCTAssertEqual(results(input, limits: limits), stateMachineResults(input, limits: limits), "\(input)")
        }
    }

    func testTokensAtTheSizeLimitInOneChunk() {
        let limits = JSONStreamLimits(maxTokenBytes: 8, maxTokenCount: 100, maxNesting: 10)
        for text in [
            #""aaaaaa" "aaaaaaa" 'bbbbbb' 'bbbbbbb'"#, "1234567 12345678 123456789 ",
            "-1.5e+10 -1.5e+100 ", "nullnull nullnulln ", #""a\"b\\c" "a\"b\\cd""#,
        ] {
            let input = Array(text.utf8)
            XCTAssertEqual(results(input, limits: limits), stateMachineResults(input, limits: limits), text)
        }
        // 7 bytes pass; 8 fail the streamer's check (bytes + 1 > limit);
        // the lexer cuts the ninth byte of a longer one, and its closing
        // quote opens a new string.
        XCTAssertEqual(
            results(Array(#""aaaaa" "aaaaaa" "aaaaaaa" 7"#.utf8), limits: limits),
            [#""aaaaa""#, "E:JSON token size limit exceeded", "E:JSON token size limit exceeded"])
    }

    func testAStringCutByTheChunkEnd() {
        var parser = JSONStreamParser()
        XCTAssertEqual(render(parser.feed(Array(#"{"key": "abcdefgh"#.utf8))), [])
        XCTAssertEqual(render(parser.feed(Array(#"ijkl\"#.utf8))), [])
        XCTAssertEqual(render(parser.feed(Array(#""mn", "e": "\u00"#.utf8))), [])
        XCTAssertEqual(render(parser.feed(Array(#"e9"}"#.utf8))), [#"{"key": "abcdefghijkl\"mn", "e": "\u00E9"}"#])
        XCTAssertEqual(render(parser.feed([UInt8].raw("[\"abc\u{C3}"))), [])
        XCTAssertEqual(render(parser.feed([UInt8].raw("\u{A9}\", \"\u{E2}\u{82}"))), [])
        XCTAssertEqual(
            render(parser.feed([UInt8].raw("\"]"))), ["E:JSON parse error, invalid UTF-8 sequence in string"])
    }

    func testConsumeStopsAfterTheSameBytesAsTheStateMachine() {
        var random = SplitMix64(seed: 0x53_544F50)
        let inputs = Self.corpus + (0..<1000).map { _ in Self.randomInput(&random) }
        for input in inputs {
            var expected: [Int] = []
            var reference = JSONStreamParser()
            for (offset, byte) in input.enumerated() where !reference.feed([byte]).isEmpty {
                expected.append(offset + 1)
            }
            var parser = JSONStreamParser()
            var stops: [Int] = []
            input.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    var produced = false
                    offset += parser.consume(
                        UnsafeRawBufferPointer(rebasing: buffer[offset...]), stopAfterResult: true
                    ) { _ in produced = true }
                    if produced { stops.append(offset) }
                }
            }
            XCTAssertEqual(stops, expected, "\(input)")
        }
    }

    /// The results of feeding `input` one byte at a time.
    private func stateMachineResults(_ input: [UInt8], limits: JSONStreamLimits = .qemu) -> [String] {
        results(chunks: input.indices.map { input[$0...$0] }, limits: limits)
    }

    /// Fragments random inputs are made of: tokens whole and in pieces,
    /// escapes, bytes the lexer rejects, invalid UTF-8.
    private static let fragments: [[UInt8]] =
        [
            "{", "}", "[", "]", ":", ",", " ", "\n", "\t", "\"", "'", "\\", "\\\"", "\\u00e9", "\\ud800", "\\u",
            "a", "abcdefgh", "true", "null", "nul", "x", "0", "1", "-", ".", "e", "E", "+", "123456789",
            "\"key\"", "\"abcdefghij\"", "'sq'", "\"a\\\"b\"", "1.5", "-0", "@",
        ].map { Array($0.utf8) } + [
            [0x7F], [0xC3, 0xA9], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xFE], [0x01], [0x00],
        ]

    /// A random input of 1 to 30 fragments.
    private static func randomInput(_ random: inout SplitMix64) -> [UInt8] {
        let count = 1 + Int(random.next() % 30)
        return (0..<count).flatMap { _ in fragments[Int(random.next() % UInt64(fragments.count))] }
    }
}
