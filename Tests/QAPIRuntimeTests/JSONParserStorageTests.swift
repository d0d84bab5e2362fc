import QAPIRuntime
import XCTest

/// What the parser keeps between tokens: the stacks of open containers
/// (shared by copies of a parser until one changes), the cache of short
/// strings, and the key index of large objects.
final class JSONParserStorageTests: XCTestCase {
    func testCopiesOfAParserMidMessageAreIndependent() {
        var first = JSONStreamParser()
        XCTAssertEqual(render(first.feed(Array(#"{"x": [1, "two", {"k": "#.utf8))), [])
        var second = first
        XCTAssertEqual(render(first.feed(Array(#""a"}]}"#.utf8))), [#"{"x": [1, "two", {"k": "a"}]}"#])
        XCTAssertEqual(
            render(second.feed(Array(#"null, "l": [3]}, 4]}"#.utf8))),
            [
                #"{"x": [1, "two", {"k": null, "l": [3]}, 4]}"#
            ])
        XCTAssertEqual(render(first.feed(Array("[5]".utf8))), ["[5]"])
        XCTAssertEqual(render(second.feed(Array("[6]".utf8))), ["[6]"])
    }

    func testShortStringsThatShareBytesStayApart() throws {
        // Every length up to past the cached ones, each string differing
        // from its neighbours in one byte, as keys and as values, twice.
        var strings: [String] = []
        for count in 0...20 {
            let base = String(repeating: "a", count: count)
            strings.append(base)
            for position in 0..<count {
                var bytes = Array(base.utf8)
                bytes[position] = UInt8(ascii: "b")
                strings.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        let array = "[" + (strings + strings).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        XCTAssertEqual(try JSONValue(parsing: array), .array((strings + strings).map { .string($0) }))
        var object = JSONObject()
        for (index, string) in strings.enumerated() { object[string] = .int(Int64(index)) }
        let text = "{" + strings.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        XCTAssertEqual(try JSONValue(parsing: text), .object(object))
    }

    func testLargeObjectsKeepTheParsersKeyIndex() throws {
        let keys = (0..<40).map { "key\($0)" }
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        var object = try XCTUnwrap(JSONValue(parsing: text).objectValue)
        for (index, key) in keys.enumerated() {
            XCTAssertEqual(object.index(forKey: key), index)
            XCTAssertEqual(object[key], .int(Int64(index)))
        }
        XCTAssertNil(object.index(forKey: "key40"))
        object["key7"] = "seven"
        object.removeValue(forKey: "key3")
        XCTAssertEqual(object.index(forKey: "key7"), 6)
        XCTAssertEqual(object["key7"], "seven")
        XCTAssertEqual(object.index(forKey: "key39"), 38)
    }

    func testDuplicateKeysAreFoundAtEveryObjectSize() {
        for size in [1, 2, 8, 9, 10, 100] {
            let keys = (0..<size).map { "k\($0)" }
            for repeated in [0, size / 2, size - 1] {
                let members = (keys + [keys[repeated]]).map { "\"\($0)\": 1" }
                XCTAssertEqual(
                    results("{" + members.joined(separator: ", ") + "}"), ["E:JSON parse error, duplicate key"],
                    "size \(size), repeating \(repeated)")
            }
        }
    }

    func testKeysMatchByTheirBytesWhateverTheirRepresentation() throws {
        // The same short key as a small string (parsed, or a literal) and
        // in native storage of its own: different representations.
        var stored = String()
        stored.reserveCapacity(64)
        stored += "abc"
        var long = String(repeating: "x", count: 20)
        long.reserveCapacity(64)
        let object = try XCTUnwrap(JSONValue(parsing: #"{"x": 0, "abc": 1, "xxxxxxxxxxxxxxxxxxxx": 2}"#).objectValue)
        XCTAssertEqual(object.index(forKey: stored), 1)
        XCTAssertEqual(object.index(forKey: long), 2)
        XCTAssertEqual(JSONValue.string(stored), JSONValue.string("abc"))
        XCTAssertNil(object.index(forKey: "ab"))
        XCTAssertNil(object.index(forKey: "abd"))
        var members = QAPIObjectDecoder(object)
        XCTAssertEqual(try members.required(long) as Int64, 2)
        XCTAssertEqual(try members.required(stored) as Int64, 1)
        XCTAssertEqual(try members.required("x") as Int64, 0)
        // Canonically equivalent, not the same bytes.
        let accented = try XCTUnwrap(JSONValue(parsing: "{\"\u{E9}\": 1}").objectValue)
        XCTAssertNil(accented.index(forKey: "e\u{301}"))
    }
}
