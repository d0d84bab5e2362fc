import QAPIRuntime
import XCTest

/// Spec T1 (ASCII output and escaping), T2 (compact), T3 (pretty),
/// T5 (numbers).
final class JSONWriterTests: XCTestCase {
    private func compact(_ value: JSONValue) -> String { JSONWriter().string(value) }
    private func pretty(_ value: JSONValue) -> String { JSONWriter(pretty: true).string(value) }

    // MARK: T1

    func testT1ShortEscapes() {
        XCTAssertEqual(compact(.string("\"\\\u{8}\u{C}\n\r\t/")), #""\"\\\b\f\n\r\t/""#)
    }

    func testT1UnicodeEscapesAreUppercaseHex() {
        XCTAssertEqual(
            compact(.string("\u{0}\u{1}\u{1F}\u{7F}\u{80}é\u{FFFD}€")),
            #""\u0000\u0001\u001F\u007F\u0080\u00E9\uFFFD\u20AC""#)
        XCTAssertEqual(compact(.string(" ~'")), #"" ~'""#)
    }

    func testT1SupplementaryCodePointsBecomeSurrogatePairs() {
        XCTAssertEqual(compact(.string("😀")), #""\uD83D\uDE00""#)
        XCTAssertEqual(compact(.string("\u{10000}\u{10FFFD}")), #""\uD800\uDC00\uDBFF\uDFFD""#)
    }

    func testT1NoncharactersBecomeReplacementCharacters() {
        var scalars = String.UnicodeScalarView()
        for value: UInt32 in [0xFFFE, 0xFDD0, 0x1FFFF, 0x41] { scalars.append(Unicode.Scalar(value)!) }
        XCTAssertEqual(compact(.string(String(scalars))), #""\uFFFD\uFFFD\uFFFDA""#)
    }

    func testT1KeysAreEscapedToo() {
        XCTAssertEqual(compact(["é\n": 1]), #"{"\u00E9\n": 1}"#)
    }

    func testT1OutputIsASCII() {
        let bytes = JSONWriter().encode(["ключ": ["значение", "🎉", "\u{0}"]])
        XCTAssertTrue(bytes.allSatisfy { $0 < 0x80 })
    }

    func testT1InvalidUTF8InTextBecomesReplacement() {
        XCTAssertEqual(QEMUUTF8.lossyString([0x61, 0xFF, 0x62]), "a\u{FFFD}b")
        XCTAssertEqual(QEMUUTF8.lossyString([0xED, 0xA0, 0x80]), "\u{FFFD}")
        XCTAssertEqual(QEMUUTF8.lossyString([0xC0, 0x80]), "\u{0}")
        XCTAssertEqual(QEMUUTF8.lossyString([0xC3, 0x20]), "\u{FFFD} ")
        XCTAssertEqual(QEMUUTF8.lossyString([0x61, 0x00, 0x62]), "a")
        XCTAssertEqual(wire(QEMUUTF8.lossyString([0x27, 0xFF, 0x27])), #""'\uFFFD'""#)
    }

    // MARK: T2

    func testT2CompactLayout() {
        XCTAssertEqual(compact(["return": [:], "id": 1]), #"{"return": {}, "id": 1}"#)
        XCTAssertEqual(compact([]), "[]")
        XCTAssertEqual(compact([:]), "{}")
        XCTAssertEqual(
            compact(["a": [1, ["b": nil]], "c": "d", "e": [[], [:]]]),
            #"{"a": [1, {"b": null}], "c": "d", "e": [[], {}]}"#)
        XCTAssertEqual(compact([true, false, nil]), "[true, false, null]")
    }

    func testT2QMPMessageFraming() {
        XCTAssertEqual(
            String(decoding: JSONWriter.qmpMessage(["return": [:]]), as: UTF8.self), "{\"return\": {}}\r\n")
    }

    // MARK: T3

    func testT3PrettyEmptyContainers() {
        XCTAssertEqual(pretty(["return": [:]]), "{\n    \"return\": {\n    }\n}")
        XCTAssertEqual(pretty([:]), "{\n}")
        XCTAssertEqual(pretty([]), "[\n]")
        XCTAssertEqual(
            String(decoding: JSONWriter.qmpMessage(["return": [:]], pretty: true), as: UTF8.self),
            "{\r\n    \"return\": {\r\n    }\r\n}\r\n")
    }

    func testT3PrettyNesting() {
        let value: JSONValue = ["a": [1, 2], "b": [], "c": ["d": ["e": "f"]], "g": nil]
        XCTAssertEqual(
            pretty(value),
            """
            {
                "a": [
                    1,
                    2
                ],
                "b": [
                ],
                "c": {
                    "d": {
                        "e": "f"
                    }
                },
                "g": null
            }
            """)
        XCTAssertEqual(pretty(17), "17")
        XCTAssertEqual(pretty("x"), #""x""#)
    }

    func testT3PrettyGreetingShape() {
        let greeting: JSONValue = [
            "QMP": [
                "version": ["qemu": ["micro": 22, "minor": 2, "major": 7], "package": ""],
                "capabilities": ["oob"],
            ]
        ]
        XCTAssertEqual(
            String(decoding: JSONWriter.qmpMessage(greeting, pretty: true), as: UTF8.self),
            "{\r\n    \"QMP\": {\r\n        \"version\": {\r\n            \"qemu\": {\r\n"
                + "                \"micro\": 22,\r\n                \"minor\": 2,\r\n"
                + "                \"major\": 7\r\n            },\r\n            \"package\": \"\"\r\n"
                + "        },\r\n        \"capabilities\": [\r\n            \"oob\"\r\n        ]\r\n    }\r\n}\r\n")
        XCTAssertEqual(
            compact(greeting),
            #"{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}}"#
        )
    }

    // MARK: T5

    func testT5Integers() {
        XCTAssertEqual(
            compact([0, -1, .int(.max), .int(.min), .uint(.max), .uint(9_223_372_036_854_775_808)]),
            "[0, -1, 9223372036854775807, -9223372036854775808, 18446744073709551615, 9223372036854775808]")
    }

    func testT5DoublesUsePercent17g() {
        XCTAssertEqual(compact(.double(18_446_744_073_709_551_616.0)), "1.8446744073709552e+19")
        XCTAssertEqual(compact(.double(0.1)), "0.10000000000000001")
        XCTAssertEqual(compact(.double(100)), "100")
        XCTAssertEqual(compact(.double(1500)), "1500")
        XCTAssertEqual(compact(.double(-0.0)), "-0")
        XCTAssertEqual(compact(.double(0.5)), "0.5")
        XCTAssertEqual(compact(.double(1e-7)), "9.9999999999999995e-08")
        XCTAssertEqual(compact(.double(1e17)), "1e+17")
        XCTAssertEqual(compact(.double(1e16)), "10000000000000000")
        XCTAssertEqual(compact(.double(.greatestFiniteMagnitude)), "1.7976931348623157e+308")
        XCTAssertEqual(compact(.double(.leastNonzeroMagnitude)), "4.9406564584124654e-324")
    }

    func testT5InputNumbersAreReprinted() {
        XCTAssertEqual(
            results("[1e2, 1.5E+3, -0.0, -0, 0.1, 18446744073709551616]"),
            ["[100, 1500, -0, 0, 0.10000000000000001, 1.8446744073709552e+19]"])
    }

    func testT5NonFiniteDoublesAreNotWrittenAsInvalidJSON() {
        // QEMU prints inf/nan (invalid JSON); we deliberately write null.
        XCTAssertEqual(compact([.double(.infinity), .double(-.infinity), .double(.nan)]), "[null, null, null]")
    }
}
