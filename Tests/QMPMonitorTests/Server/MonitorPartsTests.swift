import QAPIRuntime
import XCTest

@testable import QMPMonitor

/// The monitor core's small parts, without sockets.
final class MonitorPartsTests: XCTestCase {
    /// Lines end at LF, CR or CR LF; long lines are cut (QEMU's readline).
    /// Each append stops after the byte that completes a line.
    func testLineBuffer() {
        var buffer = LineBuffer()
        func append(_ text: [UInt8]) -> Int { text.withUnsafeBytes { buffer.append($0) } }
        XCTAssertEqual(append(Array("a\r\nb".utf8)), 2)
        XCTAssertEqual(buffer.nextLine(), "a")
        XCTAssertEqual(append(Array("\nb\rc".utf8)), 3)
        XCTAssertEqual(buffer.nextLine(), "b")
        XCTAssertNil(buffer.nextLine())
        XCTAssertEqual(append(Array("c\nd".utf8)), 2)
        XCTAssertEqual(buffer.nextLine(), "c")
        XCTAssertEqual(append(Array("d".utf8)), 1)
        XCTAssertNil(buffer.nextLine())
        XCTAssertEqual(append(Array("\n\n".utf8)), 1)
        XCTAssertEqual(buffer.nextLine(), "d")
        XCTAssertEqual(append(Array("\n".utf8)), 1)
        XCTAssertEqual(buffer.nextLine(), "")
        XCTAssertEqual(append(Array(repeating: UInt8(ascii: "x"), count: 5000) + [0x0A]), 5001)
        XCTAssertEqual(buffer.nextLine()?.utf8.count, LineBuffer.maxLineLength)
    }

    /// Parsing human-monitor lines.
    func testHumanCommandParsing() {
        XCTAssertEqual(HumanCommand(parsing: "  help  "), .help(nil))
        XCTAssertEqual(HumanCommand(parsing: "? info"), .help("info"))
        XCTAssertEqual(HumanCommand(parsing: "help info status x"), .help("info", subcommand: "status"))
        XCTAssertEqual(HumanCommand(parsing: "info\tchardev"), .infoChardev)
        XCTAssertEqual(
            HumanCommand(parsing: "info monitors extra"), .extraneousArguments(name: "monitors", typed: "info monitors")
        )
        XCTAssertEqual(HumanCommand(parsing: "info"), .infoTopics)
        XCTAssertEqual(HumanCommand(parsing: "info x"), .unknown("info x"))
        XCTAssertEqual(HumanCommand(parsing: "info status"), .infoStatus)
        XCTAssertEqual(HumanCommand(parsing: "info name"), .infoName)
        XCTAssertEqual(HumanCommand(parsing: "q"), .quit)
        XCTAssertEqual(HumanCommand(parsing: " s "), .stop)
        XCTAssertEqual(HumanCommand(parsing: "c"), .cont)
        XCTAssertEqual(HumanCommand(parsing: "system_reset"), .systemReset)
        XCTAssertEqual(HumanCommand(parsing: "system_powerdown"), .systemPowerdown)
        XCTAssertEqual(HumanCommand(parsing: "\tstop now"), .extraneousArguments(name: "stop|s", typed: "\tstop"))
        XCTAssertEqual(HumanCommand(parsing: "system"), .unknown("system"))
    }

    /// Base64 both ways, as the ring-buffer commands use it.
    func testBase64() throws {
        for length in 0..<20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 200) }
            XCTAssertEqual(try Base64.decode(Base64.encode(bytes)), bytes)
        }
        XCTAssertEqual(Base64.encode(Array("hello".utf8)), "aGVsbG8=")
        XCTAssertEqual(try Base64.decode("aGVs\nbG8="), Array("hello".utf8))
        XCTAssertThrowsError(try Base64.decode("aGVsbG8*"))
        XCTAssertEqual(RingbufText.bytes(of: "a\u{0}b"), [0x61, 0xC0, 0x80, 0x62])
    }

    /// Output line ends become CR LF.
    func testCRLF() {
        XCTAssertEqual("a\nb\n".withCRLF, "a\r\nb\r\n")
    }
}
