import QAPIRuntime
import XCTest

@testable import QMPMonitor

/// `ringbuf-write`'s base64 decoding of input that is not well formed,
/// against what QEMU 7.2 reads back (`ringbuf-read` with format base64)
/// after writing it: padding anywhere, unfinished groups, newlines, and the
/// characters it refuses.
final class Base64DecodingTests: XCTestCase {
    /// Written data and QEMU's base64 read-back, all taken from QEMU 7.2.
    private static let table: [(written: String, readBack: String)] = [
        // Unfinished last groups are dropped.
        ("aGVsbG8", "aGVs"), ("aGVsbA", "aGVs"), ("aGVsb", "aGVs"), ("Dw", ""), ("Z", ""), ("YcNOG", "YcNO"),
        // `=` is a zero that takes a place, in the middle too.
        ("aGVsbG8=aGk=", "aGVsbG9oaQ=="), ("=aGk=", "AaGk"), ("a=bc", "aAbc"), ("ab=c", "aRw="),
        ("=abc", "Aabc"), ("a==c", "aBw="), ("=b=d", "AR0="), ("YQ==YQ==YQ==", "YWFh"), ("YQ=YQ=", "YRg="),
        ("AAAA====AAAA", "AAAAAAAAAA=="), ("VeGOQ=", "VeGO"), ("viRXAr=7KqFwV52", "viRXAjsqoXA="),
        ("D7=ZvKeAg=ZB4gCN=1Hg8ocH", "Dxm8p4CABkHiAI0DUeDyhwc="), ("EyRk19XM=/=hg", "EyRk19XMAyE="),
        // The usual padding.
        ("a===", "aA=="), ("ab==", "aQ=="), ("abc=", "abc="), ("//==", "/w=="), ("++=+", "+z4="), ("/+/+", "/+/+"),
        // Only padding, or nothing.
        ("", ""), ("=", ""), ("==", ""), ("===", ""), ("====", "AA=="), ("=====", "AA=="), ("========", "AAA="),
        // Newlines are skipped.
        ("aGVs\nbG8=", "aGVsbG8="), ("aGVs\n\nbG8=\n", "aGVsbG8="), ("\n", ""), ("aGVsbG8=\n", "aGVsbG8="),
        ("h\nID3n\n\n\nImIcRNM+6H", "hID3nImIcRNM"), ("Kr5xbqJC18dp==M7Ak\naJ", "Kr5xbqJC18dpAAM7AkaJ"),
    ]

    /// Data QEMU refuses, with `Base64 data contains invalid characters`.
    private static let refused = [
        "aGV$sbG8=", "aGVs bG8=", "aGVs\rbG8=", "aGVs\tbG8=", "aGVs-bG8_", "aGVs*", "\u{E9}", "vHvz73Y-MVKthf8\n",
        "a\u{0}b",
    ]

    func testDecodesAsQEMUDoes() throws {
        for row in Self.table {
            XCTAssertEqual(
                Base64.encode(try Base64.decode(row.written)), row.readBack, "\(row.written.debugDescription)")
        }
    }

    func testRefusesCharactersOutsideTheAlphabet() {
        for written in Self.refused {
            XCTAssertThrowsError(try Base64.decode(written), written.debugDescription) { error in
                XCTAssertEqual(error as? QMPError, .generic("Base64 data contains invalid characters"))
            }
        }
    }

    /// Long input decodes whole, and its unfinished end is dropped.
    func testLongInput() throws {
        let abc = Array(repeating: Array("ABC".utf8), count: 20_000).flatMap { $0 }
        let text = String(repeating: "QUJD", count: 20_000)
        XCTAssertEqual(try Base64.decode(text), abc)
        XCTAssertEqual(try Base64.decode(text + "QQ"), abc)
        XCTAssertEqual(try Base64.decode(text + "QQ=="), abc + [0x41])
        XCTAssertEqual(try Base64.decode(String(repeating: "QUJD\n", count: 20_000)), abc)
    }
}
