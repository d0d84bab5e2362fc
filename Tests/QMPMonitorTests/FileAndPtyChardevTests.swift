import Foundation
import Glibc
import QAPITestSupport
import XCTest

@testable import QMPMonitor

/// The `file` and `pty` backends: bytes go where QEMU's would.
final class FileAndPtyChardevTests: ChardevTestCase {
    func testAFileChardevWritesItsOutputFileAndReadsItsInputFileToItsEnd() throws {
        let folder = try TestEnvironment.makeShortFolder(prefix: "file")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/out.log", atomically: true, encoding: .utf8)
        try "from the file".write(toFile: folder + "/in.txt", atomically: true, encoding: .utf8)

        let chardev = try registry.add(
            id: "f", backend: .file(input: folder + "/in.txt", output: folder + "/out.log", append: true))
        XCTAssertEqual(chardev.filename, "file")
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        frontend.wait("read the input to its end") { $0.closedCount == 1 }
        XCTAssertEqual(frontend.receivedText, "from the file")
        link.detach()
        try registry.remove(id: "f")

        // Without input it stays open; output truncates unless appending.
        let writer = try registry.add(id: "w", backend: .file(output: folder + "/out.log"))
        let writing = RecordingFrontend()
        let writeLink = try writer.attach(writing)
        writing.wait("opened") { $0.openedCount == 1 }
        writeLink.write(Array("written\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOfFile: folder + "/out.log", encoding: .utf8)) != "written\n",
            Date() < deadline
        {
            usleep(10_000)
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/out.log", encoding: .utf8), "written\n")
        XCTAssertEqual(writing.closedCount, 0, "a file chardev without input stays open")
        writeLink.detach()
        try registry.remove(id: "w")
    }

    func testAFileChardevThatCannotOpenItsFileSaysWhyAsQEMUDoes() throws {
        XCTAssertThrowsError(try registry.add(id: "x", backend: .file(output: "/nonexistent/x.log"))) { error in
            XCTAssertEqual(
                (error as? ChardevError)?.message, "Could not open '/nonexistent/x.log': No such file or directory")
        }
        XCTAssertNil(registry.chardev(id: "x"))
    }

    func testAPtyChardevCarriesBytesBothWaysThroughItsTerminal() throws {
        let chardev = try XCTUnwrap(try registry.add(id: "p", backend: .pty) as? DescriptorChardev)
        let path = try XCTUnwrap(chardev.ptyPath)
        XCTAssertTrue(path.hasPrefix("/dev/pts/"), path)
        XCTAssertEqual(chardev.filename, "pty:" + path)
        let frontend = RecordingFrontend { event, link in
            if case .received(let bytes) = event { link.write(bytes.map { $0 ^ 0x20 }) }
        }
        let link = try chardev.attach(frontend)
        frontend.wait("opened") { $0.openedCount == 1 }

        let terminal = open(path, O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(terminal, 0)
        defer { Glibc.close(terminal) }
        XCTAssertEqual(Glibc.write(terminal, "hello", 5), 5)
        frontend.wait("received") { $0.receivedText == "hello" }
        var ready = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&ready, 1, 10_000), 1, "the echo arrives")
        var echoed = [UInt8](repeating: 0, count: 5)
        XCTAssertEqual(Glibc.read(terminal, &echoed, 5), 5)
        XCTAssertEqual(String(decoding: echoed, as: UTF8.self), "HELLO", "raw mode: bytes pass unchanged")
        link.detach()
        try registry.remove(id: "p")
    }
}
