import Glibc
import XCTest

@testable import QMPMonitor

/// The stdio backend, on pipes standing in for descriptors 0 and 1.
final class StdioChardevTests: ChardevTestCase {
    private func pipePair() -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&descriptors), 0)
        return (descriptors[0], descriptors[1])
    }

    func testStdioIsOpenUntilInputEnds() throws {
        let input = pipePair()
        let output = pipePair()
        defer {
            for descriptor in [input.read, output.read, output.write] { Glibc.close(descriptor) }
        }
        let chardev = try DescriptorChardev.openStdio(
            id: "stdio0", input: input.read, output: output.write, queue: registry.ioQueue)
        XCTAssertEqual(chardev.filename, "stdio")
        XCTAssertTrue(chardev.supportsIOThread)
        let frontend = RecordingFrontend { event, link in
            if case .received(let bytes) = event { link.write(bytes.map { $0 ^ 0x20 }) }
        }
        let link = try chardev.attach(frontend)
        frontend.wait("opened") { $0.openedCount == 1 }

        _ = Glibc.write(input.write, "hello", 5)
        Glibc.close(input.write)
        frontend.wait("closed at the end of input") { $0.closedCount == 1 }
        XCTAssertEqual(frontend.receivedText, "hello")
        var ready = pollfd(fd: output.read, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&ready, 1, 10_000), 1, "the echo arrives")
        var echoed = [UInt8](repeating: 0, count: 5)
        XCTAssertEqual(Glibc.read(output.read, &echoed, 5), 5)
        XCTAssertEqual(String(decoding: echoed, as: UTF8.self), "HELLO")
        link.detach()
        try chardev.close()
    }

    func testStdinOnDevNullEndsAtOnce() throws {
        let input = open("/dev/null", O_RDONLY)
        let output = pipePair()
        defer {
            for descriptor in [input, output.read, output.write] { Glibc.close(descriptor) }
        }
        let chardev = try DescriptorChardev.openStdio(
            id: "stdio0", input: input, output: output.write, queue: registry.ioQueue)
        let frontend = RecordingFrontend()
        let link = try chardev.attach(frontend)
        frontend.wait("opened and closed") { $0.closedCount == 1 }
        XCTAssertEqual(frontend.recorded, [.opened, .closed])
        link.detach()
        try chardev.close()
    }
}
