import QAPIRuntime
import XCTest

/// Spec J1 (dialect), J2 (bytes in strings), J3 (escapes), J4 (numbers).
final class JSONDialectTests: XCTestCase {
    // MARK: J1

    func testJ1SingleQuotedStrings() {
        XCTAssertEqual(results("{'execute': 'query-version'}"), [#"{"execute": "query-version"}"#])
        XCTAssertEqual(results(#"'say "hi"'"#), [#""say \"hi\"""#])
        XCTAssertEqual(results(#"'it\'s'"#), [#""it's""#])
        XCTAssertEqual(results(#""it\'s""#), [#""it's""#])
    }

    func testJ1WhitespaceAndKeywords() {
        XCTAssertEqual(results(" \t\r\n[ true ,\tfalse,\r\nnull ]"), ["[true, false, null]"])
        XCTAssertEqual(results("nul "), ["E:JSON parse error, invalid keyword 'nul'"])
        XCTAssertEqual(results("truex "), ["E:JSON parse error, invalid keyword 'truex'"])
        XCTAssertEqual(results("TRUE\n"), ["E:JSON parse error, stray 'T'"])
        XCTAssertEqual(
            results(#"{"execute": TRUE}"#),
            [
                "E:JSON parse error, stray 'T'",
                "E:JSON parse error, expecting value",
            ])
        XCTAssertEqual(results("Null\n"), ["E:JSON parse error, stray 'N'"])
    }

    func testJ1NoSeparatorBetweenMessages() {
        XCTAssertEqual(results(#"{}{"a":1}[]"x"true "#), ["{}", #"{"a": 1}"#, "[]", #""x""#, "true"])
        XCTAssertEqual(results("true1 "), ["true", "1"])
    }

    // MARK: J2

    func testJ2RawControlBytesInStringsAreLexicalErrors() {
        XCTAssertEqual(results(.raw("\"a\u{01}")), ["E:JSON parse error, stray '\"a\u{01}'"])
        XCTAssertEqual(results(.raw("\"a\tb\"")), ["E:JSON parse error, stray '\"a\t'"])
        XCTAssertEqual(results(.raw("'a\nb'")), ["E:JSON parse error, stray ''a\n'"])
        XCTAssertEqual(results(.raw("\"a\u{FE}")), ["E:JSON parse error, stray '\"a\u{FFFD}'"])
        XCTAssertEqual(results(.raw("\"a\u{FF}")), ["E:JSON parse error, stray '\"a\u{FFFD}'"])
        XCTAssertEqual(results(.raw("\"\\\u{01}")), ["E:JSON parse error, stray '\"\\\u{01}'"])
    }

    func testJ2AcceptedBytes() {
        XCTAssertEqual(value(.init(decoding: [0x22, 0x7F, 0x20, 0x22], as: UTF8.self)), .string("\u{7F} "))
        XCTAssertEqual(results(.raw("\"\u{C3}\u{A9}\"")), [#""\u00E9""#])
        XCTAssertEqual(results(.raw("\"\u{F0}\u{9F}\u{98}\u{80}\"")), [#""\uD83D\uDE00""#])
        XCTAssertEqual(results(.raw("\"\u{F4}\u{8F}\u{BF}\u{BD}\"")), [#""\uDBFF\uDFFD""#])
    }

    func testJ2ModifiedUTF8NulIsAccepted() {
        var parser = JSONStreamParser()
        let outputs = parser.feed([UInt8].raw("\"a\u{C0}\u{80}b\""))
        XCTAssertEqual(render(outputs), [#""a\u0000b""#])
        XCTAssertEqual(try outputs.first?.get(), .string("a\u{0}b"))
    }

    func testJ2InvalidUTF8() {
        let invalid = "E:JSON parse error, invalid UTF-8 sequence in string"
        let cases: [String] = [
            "\"\u{C3}\"",  // truncated
            "\"\u{E2}\u{82}\"",  // truncated
            "\"\u{80}\"",  // stray continuation byte
            "\"a\u{BF}b\"",  // stray continuation byte
            "\"\u{C1}\u{BF}\"",  // overlong
            "\"\u{E0}\u{80}\u{80}\"",  // overlong NUL (3 bytes)
            "\"\u{E0}\u{9F}\u{BF}\"",  // overlong
            "\"\u{F0}\u{8F}\u{BF}\u{BF}\"",  // overlong
            "\"\u{ED}\u{A0}\u{80}\"",  // encoded surrogate
            "\"\u{ED}\u{BF}\u{BF}\"",  // encoded surrogate
            "\"\u{F4}\u{90}\u{80}\u{80}\"",  // above U+10FFFF
            "\"\u{F8}\u{88}\u{80}\u{80}\u{80}\"",  // 5-byte form
            "\"\u{FC}\u{84}\u{80}\u{80}\u{80}\u{80}\"",  // 6-byte form
            "\"\u{EF}\u{BF}\u{BE}\"",  // U+FFFE
            "\"\u{EF}\u{BF}\u{BF}\"",  // U+FFFF
            "\"\u{EF}\u{B7}\u{90}\"",  // U+FDD0
            "\"\u{EF}\u{B7}\u{AF}\"",  // U+FDEF
            "\"\u{F0}\u{9F}\u{BF}\u{BE}\"",  // U+1FFFE
            "'\u{C3}'",
        ]
        for text in cases {
            XCTAssertEqual(results(.raw(text)), [invalid], "\(Array<UInt8>.raw(text))")
        }
        XCTAssertEqual(results(.raw("\"\u{EF}\u{B7}\u{B0}\"")), [#""\uFDF0""#])
    }

    // MARK: J3

    func testJ3Escapes() {
        XCTAssertEqual(value(#""\" \' \\ \/ \b \f \n \r \t""#), .string("\" ' \\ / \u{8} \u{C} \n \r \t"))
        XCTAssertEqual(value(#"'\" \''"#), .string("\" '"))
        XCTAssertEqual(value(#""\u0041\u00e9\u00E9\u20AC""#), .string("Aéé€"))
        XCTAssertEqual(value(#""\uD83D\uDE00""#), .string("😀"))
        XCTAssertEqual(value(#""\ud83d\ude00""#), .string("😀"))
    }

    func testJ3NulEscapeIsStoredAndWritten() {
        XCTAssertEqual(value(#""\u0000""#), .string("\u{0}"))
        XCTAssertEqual(results(#""a\u0000b""#), [#""a\u0000b""#])
    }

    func testJ3InvalidUnicodeEscapesQuoteTheEscapeAsWritten() {
        let cases: [(String, String)] = [
            (#""\ud800""#, #"\ud800"#),
            (#""\uD800""#, #"\uD800"#),
            (#""\uD800x""#, #"\uD800"#),
            (#""\uD800\u0041""#, #"\uD800"#),
            (#""\uD800\uD800""#, #"\uD800"#),
            (#""\uD800\uzzzz""#, #"\uD800"#),
            (#""\uD800\u""#, #"\uD800"#),
            (#""\uDC00""#, #"\uDC00"#),
            (#""\uFFFF""#, #"\uFFFF"#),
            (#""\uFFFE""#, #"\uFFFE"#),
            (#""\uFDD0""#, #"\uFDD0"#),
            (#""\uDBFF\uDFFF""#, #"\uDBFF\uDFFF"#),
            (#""\uD83F\uDFFE""#, #"\uD83F\uDFFE"#),
            (#""\u12""#, #"\u12""#),
            (#""\u""#, #"\u""#),
            (#""\u1""#, #"\u1""#),
            (#""\uzzzzzz""#, #"\uzzzz"#),
            (#""\u12G4xyz""#, #"\u12G4"#),
            (#"'\u12'"#, #"\u12'"#),
        ]
        for (input, quoted) in cases {
            XCTAssertEqual(
                results(input), ["E:JSON parse error, " + quoted + " is not a valid Unicode character"], input)
        }
    }

    func testJ3InvalidEscapeQuotingNonASCII() {
        // The quoted escape is raw bytes: a cut UTF-8 sequence is shown as U+FFFD.
        XCTAssertEqual(
            results(.raw("\"\\u1\u{C3}\u{A9}\"")), ["E:JSON parse error, \\u1é\" is not a valid Unicode character"])
        XCTAssertEqual(
            results(.raw("\"\\u123\u{C3}\u{A9}\"")),
            ["E:JSON parse error, \\u123\u{FFFD} is not a valid Unicode character"])
    }

    func testJ3OtherEscapesAreInvalid() {
        for input in [#""\a""#, #""\x41""#, #""\U0041""#, #""\0""#, #""\ ""#, #"'\v'"#] {
            XCTAssertEqual(results(input), ["E:JSON parse error, invalid escape sequence in string"], input)
        }
        XCTAssertEqual(results(.raw("\"\\\u{C3}\u{A9}\"")), ["E:JSON parse error, invalid escape sequence in string"])
    }

    // MARK: J4

    func testJ4IntegerKinds() {
        let parsed = value(
            "[0, -0, 1, -1, 9223372036854775807, -9223372036854775808, 9223372036854775808, "
                + "18446744073709551615, 18446744073709551616, -9223372036854775809]")
        XCTAssertEqual(parsed?.arrayValue?.count, 10)
        guard let elements = parsed?.arrayValue, elements.count == 10 else { return }
        guard case .int(0) = elements[0], case .int(0) = elements[1], case .int(1) = elements[2],
            case .int(-1) = elements[3], case .int(Int64.max) = elements[4], case .int(Int64.min) = elements[5],
            case .uint(9_223_372_036_854_775_808) = elements[6], case .uint(UInt64.max) = elements[7],
            case .double(18_446_744_073_709_551_616.0) = elements[8],
            case .double(-9_223_372_036_854_775_809.0) = elements[9]
        else {
            return XCTFail("wrong kinds: \(elements)")
        }
    }

    func testJ4FractionAndExponentAreAlwaysDoubles() {
        for text in ["1.0", "64.0", "1e2", "1E2", "1e+2", "1e-2", "1.5E+3", "-0.0", "0.5", "-0.5e1"] {
            guard case .double = value(text) else { return XCTFail(text) }
        }
        XCTAssertEqual(value("1.5E+3"), .double(1500))
        XCTAssertEqual(value("-0.5e1"), .double(-5))
        XCTAssertEqual(value("1e400"), .double(.infinity))
        XCTAssertEqual(value("-1e400"), .double(-.infinity))
        XCTAssertEqual(value("1e-400"), .double(0))
    }

    func testJ4LexicalErrors() {
        XCTAssertEqual(results("01 "), ["E:JSON parse error, stray '01'"])
        XCTAssertEqual(results("-01 "), ["E:JSON parse error, stray '-01'"])
        XCTAssertEqual(results("-}"), ["E:JSON parse error, stray '-}'"])
        XCTAssertEqual(results("- 1\n"), ["E:JSON parse error, stray '- '"])
        XCTAssertEqual(results("1.}"), ["E:JSON parse error, stray '1.}'"])
        XCTAssertEqual(results("1.e5 "), ["E:JSON parse error, stray '1.e'"])
        XCTAssertEqual(results("1e}"), ["E:JSON parse error, stray '1e}'"])
        XCTAssertEqual(results("1e+}"), ["E:JSON parse error, stray '1e+}'"])
        XCTAssertEqual(results(".5 "), ["E:JSON parse error, stray '.'"])
        XCTAssertEqual(results("+1 "), ["E:JSON parse error, stray '+'"])
        XCTAssertEqual(results("-a"), ["E:JSON parse error, stray '-a'"])
    }

    func testJ4ZeroTakesNoExponent() {
        // QEMU's lexer state after a leading zero has no transition on e/E:
        // the zero ends, and "e" starts a keyword.
        XCTAssertEqual(results("0e5 "), ["0", "E:JSON parse error, invalid keyword 'e'", "5"])
        XCTAssertEqual(results("[0e5]"), ["E:JSON parse error, expected separator in list"])
        XCTAssertEqual(value("0.5e1"), .double(5))
    }

    func testJ4NumberNeedsTheFollowingByte() {
        var parser = JSONStreamParser()
        XCTAssertEqual(render(parser.feed(Array("42".utf8))), [])
        XCTAssertEqual(render(parser.feed(Array("\n".utf8))), ["42"])
        XCTAssertEqual(render(parser.feed(Array("-1.5e3".utf8))), [])
        XCTAssertEqual(render(parser.feed(Array("{".utf8))), ["-1500"])
        XCTAssertEqual(render(parser.feed(Array("}".utf8))), ["{}"])
        XCTAssertEqual(render(parser.feed(Array("null".utf8))), [])
        XCTAssertEqual(render(parser.feed(Array(",".utf8))), ["null", "E:JSON parse error, expecting value"])
    }
}
