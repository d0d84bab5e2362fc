import QAPIRuntime
import XCTest

/// `JSONValue` and `JSONObject`: kinds, QEMU-style equality, order and
/// keyed lookup.
final class JSONValueTests: XCTestCase {
    func testNumberKindsAndAccessors() {
        XCTAssertEqual(JSONValue.unsigned(5), .int(5))
        guard case .uint(UInt64.max) = JSONValue.unsigned(.max) else { return XCTFail() }
        XCTAssertEqual(JSONValue.int(-3).int64Value, -3)
        XCTAssertNil(JSONValue.int(-3).uint64Value)
        XCTAssertNil(JSONValue.uint(.max).int64Value)
        XCTAssertEqual(JSONValue.uint(.max).uint64Value, .max)
        XCTAssertNil(JSONValue.double(64).int64Value)
        XCTAssertEqual(JSONValue.int(2).doubleValue, 2)
        XCTAssertTrue(JSONValue.uint(.max).isInteger)
        XCTAssertFalse(JSONValue.double(1).isInteger)
        XCTAssertEqual(JSONValue.double(1).kind, .number)
        XCTAssertEqual(JSONValue.bool(true).kind, .boolean)
        XCTAssertEqual(JSONValue.null.kind, .null)
        XCTAssertEqual(([:] as JSONValue).kind, .object)
        XCTAssertEqual(([] as JSONValue).kind, .array)
        XCTAssertEqual(JSONValue.string("").kind, .string)
    }

    func testEqualityFollowsQEMU() {
        XCTAssertEqual(JSONValue.int(5), JSONValue.uint(5))
        XCTAssertEqual(JSONValue.int(5).hashValue, JSONValue.uint(5).hashValue)
        XCTAssertNotEqual(JSONValue.int(-1), JSONValue.uint(.max))
        XCTAssertNotEqual(JSONValue.int(1), JSONValue.double(1))
        XCTAssertEqual(JSONValue.double(0), JSONValue.double(-0.0))
        XCTAssertEqual(JSONValue.double(0).hashValue, JSONValue.double(-0.0).hashValue)
        XCTAssertEqual(JSONValue.double(.nan), JSONValue.double(.nan))
        XCTAssertNotEqual(JSONValue.string("é"), JSONValue.string("e\u{301}"))
        let ab: JSONValue = ["a": 1, "b": 2]
        let ba: JSONValue = ["b": 2, "a": 1]
        XCTAssertEqual(ab, ba)
        XCTAssertEqual(ab.hashValue, ba.hashValue)
        XCTAssertNotEqual(ab, ["a": 1, "b": 3])
        XCTAssertNotEqual(ab, ["a": 1])
        XCTAssertNotEqual([1, 2] as JSONValue, [2, 1] as JSONValue)
        XCTAssertEqual(Set<JSONValue>([1, .uint(1), "1", 1.0]).count, 3)
    }

    func testObjectKeepsInsertionOrder() {
        var object: JSONObject = ["z": 1, "a": 2, "m": 3]
        XCTAssertEqual(object.keys, ["z", "a", "m"])
        object["a"] = 20
        XCTAssertEqual(object.keys, ["z", "a", "m"])
        XCTAssertEqual(object["a"], 20)
        object["b"] = 4
        XCTAssertEqual(object.keys, ["z", "a", "m", "b"])
        XCTAssertEqual(object.removeValue(forKey: "a"), 20)
        XCTAssertEqual(object.keys, ["z", "m", "b"])
        object["m"] = nil
        XCTAssertEqual(object.keys, ["z", "b"])
        XCTAssertEqual(object.values, [1, 4])
        XCTAssertEqual(object.map(\.key), ["z", "b"])
        XCTAssertEqual(JSONValue.object(object).description, #"{"z": 1, "b": 4}"#)
    }

    func testLargeObjectLookupAndOrder() {
        var object = JSONObject()
        for index in (0..<1000).reversed() { object["key\(index)"] = .int(Int64(index)) }
        XCTAssertEqual(object.count, 1000)
        XCTAssertEqual(object.keys.first, "key999")
        XCTAssertEqual(object.keys.last, "key0")
        for index in stride(from: 0, to: 1000, by: 37) {
            XCTAssertEqual(object["key\(index)"], .int(Int64(index)))
            XCTAssertEqual(object.index(forKey: "key\(index)"), 999 - index)
        }
        XCTAssertNil(object["key1000"])
        object.removeValue(forKey: "key500")
        XCTAssertEqual(object.count, 999)
        XCTAssertNil(object["key500"])
        XCTAssertEqual(object["key499"], 499)
        XCTAssertEqual(object.index(forKey: "key0"), 998)
        object["key500"] = "back"
        XCTAssertEqual(object.keys.last, "key500")
        XCTAssertEqual(object["key500"], "back")
    }

    func testObjectKeysCompareByteForByte() {
        var object = JSONObject()
        object["é"] = 1
        object["e\u{301}"] = 2
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(object["é"], 1)
        XCTAssertEqual(object["e\u{301}"], 2)
        for index in 0..<20 { object["k\(index)"] = nil; object["k\(index)"] = 0 }
        XCTAssertEqual(object["é"], 1)
        XCTAssertEqual(object["e\u{301}"], 2)
    }

    func testSubscriptOnValue() {
        let value: JSONValue = ["execute": "query-status", "id": [1]]
        XCTAssertEqual(value["execute"]?.stringValue, "query-status")
        XCTAssertEqual(value["id"]?.arrayValue, [1])
        XCTAssertNil(value["arguments"])
        XCTAssertNil(JSONValue.int(1)["x"])
    }
}
