import QAPIRuntime
import XCTest

/// Spec A3–A5 for every integer width: limits, one past them, floats,
/// uint64's negative wrap, `size`, and `number`; as a member, as a
/// nested member and as a list element.
final class IntegerLimitTests: XCTestCase {
    /// The Swift-side check of a decoded member: what it encodes to.
    private func decodedMember(
        _ key: Swift.String, _ value: Swift.String, file: StaticString = #filePath, line: UInt = #line
    ) -> JSONValue? {
        decoded(Scalars.self, scalars(key, value), file: file, line: line)?.qapiEncoded()[key]
    }

    /// `take-all` arguments whose scalars have `key` set to `value`.
    private func nested(_ key: Swift.String, _ value: Swift.String) -> Swift.String {
        #"{"scalars": \#(scalars(key, value))}"#
    }

    /// A valid `Lists` object whose list `key` holds `1` and then `value`.
    private func list(_ key: Swift.String, _ value: Swift.String) -> Swift.String {
        let keys = ["s", "i", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "sz", "num", "flag"]
        let members = keys.map { $0 == key ? #""\#($0)": [1, \#(value)]"# : #""\#($0)": []"# }
        return "{" + members.joined(separator: ", ") + "}"
    }

    private typealias TakeAll = Commands.TakeAll.Arguments

    func testSignedSizedIntegers() {
        let widths: [(key: Swift.String, type: Swift.String, min: Int64, max: Int64)] = [
            ("i8", "int8", -128, 127), ("i16", "int16", -32768, 32767), ("i32", "int32", -2147483648, 2147483647),
        ]
        for (key, type, min, max) in widths {
            XCTAssertEqual(decodedMember(key, "\(min)"), .int(min), key)
            XCTAssertEqual(decodedMember(key, "\(max)"), .int(max), key)
            XCTAssertEqual(decodedMember(key, "0"), .int(0), key)
            for outside in ["\(min - 1)", "\(max + 1)", "9223372036854775807", "-9223372036854775808"] {
                // Out of range: the short name, wherever the member is.
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, outside)), "Parameter '\(key)' expects \(type)", outside)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, outside)), "Parameter '\(key)' expects \(type)", outside)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, outside)), "Parameter 'null' expects \(type)", outside)
            }
            // Not an integer that fits int64: the full path.
            for wrong in ["1.0", "-0.5", "1e2", "9223372036854775808", "-9223372036854775809", #""1""#] {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, wrong)),
                    "Invalid parameter type for '\(key)', expected: integer", wrong)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, wrong)),
                    "Invalid parameter type for 'scalars.\(key)', expected: integer", wrong)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, wrong)),
                    "Invalid parameter type for '\(key)[1]', expected: integer", wrong)
            }
        }
    }

    func testInt64() {
        for key in ["i", "i64"] {
            XCTAssertEqual(decodedMember(key, "-9223372036854775808"), .int(.min), key)
            XCTAssertEqual(decodedMember(key, "9223372036854775807"), .int(.max), key)
            for wrong in [
                "-9223372036854775809", "9223372036854775808", "18446744073709551615", "64.0", "1e2", "-0.0", "null",
            ] {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, wrong)),
                    "Invalid parameter type for '\(key)', expected: integer", wrong)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, wrong)),
                    "Invalid parameter type for 'scalars.\(key)', expected: integer", wrong)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, wrong)),
                    "Invalid parameter type for '\(key)[1]', expected: integer", wrong)
            }
        }
    }

    func testUnsignedSizedIntegers() {
        let widths: [(key: Swift.String, type: Swift.String, max: Int64)] = [
            ("u8", "uint8", 255), ("u16", "uint16", 65535), ("u32", "uint32", 4294967295),
        ]
        for (key, type, max) in widths {
            XCTAssertEqual(decodedMember(key, "0"), .int(0), key)
            XCTAssertEqual(decodedMember(key, "\(max)"), .int(max), key)
            // Negative values wrap around as uint64, then fail the range check.
            for outside in ["\(max + 1)", "-1", "-9223372036854775808", "18446744073709551615"] {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, outside)), "Parameter '\(key)' expects \(type)", outside)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, outside)), "Parameter '\(key)' expects \(type)", outside)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, outside)), "Parameter 'null' expects \(type)", outside)
            }
            // Not an integer at all: the uint64 text, with the full path.
            for wrong in [
                "1.0", "-0.5", "1e2", "18446744073709551616", "-9223372036854775809", #""1""#, "true", "null", "[]",
            ] {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, wrong)), "Parameter '\(key)' expects uint64", wrong)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, wrong)), "Parameter 'scalars.\(key)' expects uint64", wrong)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, wrong)), "Parameter '\(key)[1]' expects uint64", wrong)
            }
        }
    }

    func testUInt64AndSize() {
        for key in ["u64", "sz"] {
            XCTAssertEqual(decodedMember(key, "0"), .int(0), key)
            XCTAssertEqual(decodedMember(key, "18446744073709551615"), .uint(.max), key)
            XCTAssertEqual(decodedMember(key, "9223372036854775808"), .uint(9223372036854775808), key)
            // Negative integers are accepted and wrap (spec A4).
            XCTAssertEqual(decodedMember(key, "-1"), .uint(.max), key)
            XCTAssertEqual(decodedMember(key, "-9223372036854775808"), .uint(9223372036854775808), key)
            XCTAssertEqual(
                decoded(Scalars.self, scalars(key, "-2")).map(wire)?.contains(#""\#(key)": 18446744073709551614"#), true
            )
            for wrong in [
                "18446744073709551616", "-9223372036854775809", "1.0", "0.5", "1e2", #""1""#, "true", "null", "{}",
            ] {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, wrong)), "Parameter '\(key)' expects uint64", wrong)
                XCTAssertEqual(
                    decodingError(TakeAll.self, nested(key, wrong)), "Parameter 'scalars.\(key)' expects uint64", wrong)
                XCTAssertEqual(
                    decodingError(Lists.self, list(key, wrong)), "Parameter '\(key)[1]' expects uint64", wrong)
            }
        }
        XCTAssertEqual(decoded(Lists.self, list("u64", "-1"))?.u64, [1, .max])
        XCTAssertEqual(decoded(Lists.self, list("sz", "18446744073709551615"))?.sz, [1, .max])
    }

    func testNumberTakesEveryNumber() {
        XCTAssertEqual(decoded(Scalars.self, scalars("num", "-9223372036854775808"))?.num, -9223372036854775808)
        XCTAssertEqual(decoded(Scalars.self, scalars("num", "18446744073709551615"))?.num, Double(UInt64.max))
        XCTAssertEqual(decoded(Scalars.self, scalars("num", "1e308"))?.num, 1e308)
        XCTAssertEqual(decoded(Scalars.self, scalars("num", "-0.0"))?.num.sign, .minus)
        XCTAssertEqual(decoded(Scalars.self, scalars("num", "3"))?.num, 3)
        XCTAssertEqual(decoded(Lists.self, list("num", "2.25"))?.num, [1, 2.25])
        XCTAssertEqual(
            decodingError(Lists.self, list("num", #""2""#)), "Invalid parameter type for 'num[1]', expected: number")
        // Doubles are written as QEMU writes them (%.17g).
        XCTAssertEqual(wire(Stock(amount: 0.1)), #"{"amount": 0.10000000000000001}"#)
        XCTAssertEqual(wire(Stock(amount: 100)), #"{"amount": 100}"#)
        XCTAssertEqual(wire(Stock(amount: -0.0)), #"{"amount": -0}"#)
    }

    func testIntegersInOptionalListsAndAlternates() {
        XCTAssertEqual(decodingError(Ranges.self, #"{"u16": [1, 65536]}"#), "Parameter 'null' expects uint16")
        XCTAssertEqual(decodingError(Ranges.self, #"{"u16": [-1]}"#), "Parameter 'null' expects uint16")
        XCTAssertEqual(decodingError(Ranges.self, #"{"u64": [0, 1.5]}"#), "Parameter 'u64[1]' expects uint64")
        XCTAssertEqual(
            decodingError(Ranges.self, #"{"i64x": 9223372036854775808}"#),
            "Invalid parameter type for 'i64x', expected: integer")
        XCTAssertEqual(decoded(Ranges.self, #"{"u64x": -5}"#)?.u64x, 18446744073709551611)
        XCTAssertEqual(decodingError(Tiny.self, "128"), "Parameter 'null' expects int8")
        XCTAssertEqual(decodingError(Tiny.self, "-129"), "Parameter 'null' expects int8")
        XCTAssertEqual(decodingError(Tiny.self, "0.5"), "Invalid parameter type for '<anonymous>', expected: integer")
        XCTAssertEqual(decodingError(Row.self, #"{"cells": [127, -128, -129]}"#), "Parameter 'null' expects int8")
        XCTAssertEqual(decodingError(Material.self, #"{"amount": 1, "grade": 200}"#), "Parameter 'grade' expects int8")
        XCTAssertEqual(
            decodingError(PowerTool.self, #"{"id": "a", "weight": 4294967296, "watts": 1}"#),
            "Parameter 'weight' expects uint32")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "gizmo", "label": "g", "gears": 256}"#),
            "Parameter 'gears' expects uint8")
        XCTAssertEqual(
            decodingError(
                Item.self,
                #"{"kind": "crate", "label": "c", "contents": [{"kind": "gizmo", "label": "g", "gears": "x"}]}"#),
            "Parameter 'contents[0].gears' expects uint64")
    }
}
