import QAPIRuntime
import XCTest

/// Spec A3 (int, number), A4 (uint64, size) and A5 (sized integers), at
/// the limits of every width.
final class VisitorIntegerTests: XCTestCase {
    /// Decodes `{"MEMBER": LITERAL}` as `Ints`.
    private func ints(_ member: String, _ literal: String) throws -> Ints {
        try decode(Ints.self, "{\"\(member)\": \(literal)}")
    }

    /// The error for `{"MEMBER": LITERAL}` as `Ints`.
    private func intsError(
        _ member: String, _ literal: String, file: StaticString = #filePath, line: UInt = #line
    ) -> String? {
        decodingError(Ints.self, "{\"\(member)\": \(literal)}", file: file, line: line)
    }

    func testA3IntAcceptsIntegerTokensThatFitInt64() throws {
        XCTAssertEqual(try ints("i64", "-9223372036854775808").i64, .min)
        XCTAssertEqual(try ints("i64", "9223372036854775807").i64, .max)
        XCTAssertEqual(try ints("i64", "-0").i64, 0)
        XCTAssertEqual(try ints("i64", "0").i64, 0)
    }

    func testA3IntRejectsEverythingElse() {
        for literal in [
            "9223372036854775808", "18446744073709551615", "-9223372036854775809",
            "1e2", "64.0", "1.5", "-0.0", "null", "\"1\"", "true", "[]", "{}",
        ] {
            XCTAssertEqual(intsError("i64", literal), "Invalid parameter type for 'i64', expected: integer", literal)
        }
    }

    func testA4Uint64AcceptsItsRangeAndWrapsNegatives() throws {
        XCTAssertEqual(try ints("u64", "0").u64, 0)
        XCTAssertEqual(try ints("u64", "18446744073709551615").u64, .max)
        XCTAssertEqual(try ints("u64", "9223372036854775808").u64, 1 << 63)
        XCTAssertEqual(try ints("u64", "-1").u64, .max)
        XCTAssertEqual(try ints("u64", "-9223372036854775808").u64, 1 << 63)
    }

    func testA4Uint64RejectsFloatsAndNonNumbers() {
        for literal in [
            "18446744073709551616", "-9223372036854775809", "1e2", "1.0", "-1.5",
            "null", "\"5\"", "false", "[1]", "{}",
        ] {
            XCTAssertEqual(intsError("u64", literal), "Parameter 'u64' expects uint64", literal)
        }
    }

    func testA4SizeBehavesExactlyLikeUint64() throws {
        XCTAssertEqual(try ints("sz", "18446744073709551615").sz, .max)
        XCTAssertEqual(try ints("sz", "-2").sz, UInt64.max - 1)
        for literal in ["18446744073709551616", "1e2", "1.0", "\"1M\"", "null"] {
            XCTAssertEqual(intsError("sz", literal), "Parameter 'sz' expects uint64", literal)
        }
    }

    func testA5SignedWidthsAtTheirLimits() throws {
        let widths: [(String, Int64, Int64, String)] = [
            ("i8", Int64(Int8.min), Int64(Int8.max), "int8"),
            ("i16", Int64(Int16.min), Int64(Int16.max), "int16"),
            ("i32", Int64(Int32.min), Int64(Int32.max), "int32"),
        ]
        for (member, min, max, name) in widths {
            for good in [min, max, 0] {
                let decoded = try ints(member, "\(good)")
                let value = decoded.i8.map(Int64.init) ?? decoded.i16.map(Int64.init) ?? decoded.i32.map(Int64.init)
                XCTAssertEqual(value, good, member)
            }
            for bad in ["\(min - 1)", "\(max + 1)", "9223372036854775807", "-9223372036854775808"] {
                XCTAssertEqual(intsError(member, bad), "Parameter '\(member)' expects \(name)", "\(member) \(bad)")
            }
            for notInteger in ["1e2", "1.0", "18446744073709551615", "null", "\"1\""] {
                XCTAssertEqual(
                    intsError(member, notInteger),
                    "Invalid parameter type for '\(member)', expected: integer", "\(member) \(notInteger)")
            }
        }
    }

    func testA5UnsignedWidthsAtTheirLimits() throws {
        let widths: [(String, UInt64, String)] = [
            ("u8", UInt64(UInt8.max), "uint8"),
            ("u16", UInt64(UInt16.max), "uint16"),
            ("u32", UInt64(UInt32.max), "uint32"),
        ]
        for (member, max, name) in widths {
            for good in [0, max] {
                let decoded = try ints(member, "\(good)")
                let value = decoded.u8.map(UInt64.init) ?? decoded.u16.map(UInt64.init) ?? decoded.u32.map(UInt64.init)
                XCTAssertEqual(value, good, member)
            }
            // A negative number wraps to a huge uint64 and then fails the range check.
            for bad in ["\(max + 1)", "-1", "18446744073709551615", "-9223372036854775808"] {
                XCTAssertEqual(intsError(member, bad), "Parameter '\(member)' expects \(name)", "\(member) \(bad)")
            }
            for notInteger in ["1e2", "1.0", "18446744073709551616", "null", "true"] {
                XCTAssertEqual(
                    intsError(member, notInteger), "Parameter '\(member)' expects uint64",
                    "\(member) \(notInteger)")
            }
        }
    }

    func testA5UsesTheShortNameEvenWhenNested() {
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "grid": [[1], [2, 128]]}"#),
            "Parameter 'null' expects int8")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "grid": [[1], [2, 1.5]]}"#),
            "Invalid parameter type for 'grid[1][1]', expected: integer")
    }

    func testA3NumberAcceptsAnyNumber() throws {
        XCTAssertEqual(try ints("num", "1e2").num, 100)
        XCTAssertEqual(try ints("num", "-0.25").num, -0.25)
        XCTAssertEqual(try ints("num", "7").num, 7)
        XCTAssertEqual(try ints("num", "-9223372036854775808").num, -9_223_372_036_854_775_808)
        XCTAssertEqual(try ints("num", "18446744073709551615").num, Double(UInt64.max))
        XCTAssertEqual(try ints("num", "1e400").num, .infinity)
        for literal in ["\"1\"", "true", "null", "[]", "{}"] {
            XCTAssertEqual(intsError("num", literal), "Invalid parameter type for 'num', expected: number", literal)
        }
    }

    func testBooleans() throws {
        XCTAssertEqual(try ints("flag", "false").flag, false)
        for literal in ["0", "\"true\"", "null"] {
            XCTAssertEqual(intsError("flag", literal), "Invalid parameter type for 'flag', expected: boolean", literal)
        }
    }
}
