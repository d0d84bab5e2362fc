import QMPMonitor
import XCTest

/// The ringbuf and null backends (spec C2, C5, G2).
final class RingbufNullTests: ChardevTestCase {
    private func ringbuf(_ id: String, size: Int?) throws -> RingbufChardev {
        let chardev = try registry.add(id: id, backend: .ringbuf(size: size))
        return try XCTUnwrap(chardev as? RingbufChardev)
    }

    func testRingbufWrapsAroundKeepingTheNewestBytes() throws {
        let ring = try ringbuf("ring", size: 8)
        XCTAssertEqual(ring.filename, "ringbuf")
        XCTAssertFalse(ring.supportsIOThread)
        ring.write(Array("abcdef".utf8))
        XCTAssertEqual(ring.read(maxCount: 2), Array("ab".utf8))
        ring.write(Array("ghijkl".utf8))
        XCTAssertEqual(ring.count, 8)
        XCTAssertEqual(ring.read(maxCount: 100), Array("efghijkl".utf8))
        XCTAssertEqual(ring.read(maxCount: 100), [])
        ring.write(Array("0123456789".utf8))
        XCTAssertEqual(ring.read(maxCount: 3), Array("234".utf8))
        XCTAssertEqual(ring.read(maxCount: 5), Array("56789".utf8))
    }

    func testRingbufSizeMustBeAPowerOfTwoOrZero() throws {
        for size in [3, 100, -4] {
            XCTAssertEqual(
                chardevError { _ = try ringbuf("bad\(size)", size: size) },
                ChardevError(.backend, "size of ringbuf chardev must be power of two"))
        }
        let empty = try ringbuf("zero", size: 0)
        empty.write(Array("lost".utf8))
        XCTAssertEqual(empty.read(maxCount: 4), [])
        XCTAssertEqual(try ringbuf("default", size: nil).size, 65536)
        XCTAssertEqual(try ringbuf("one", size: 1).size, 1)
    }

    func testRingbufFrontendIsOpenedAndWritesIntoTheRing() throws {
        let ring = try ringbuf("ring", size: 16)
        let frontend = RecordingFrontend()
        let link = try ring.attach(frontend)
        frontend.wait("opened") { $0.openedCount == 1 }
        link.write(Array("greeting".utf8))
        XCTAssertEqual(ring.read(maxCount: 64), Array("greeting".utf8))
        link.detach()
        link.write(Array("stale".utf8))
        XCTAssertEqual(ring.count, 0)
    }

    func testNullDiscardsOutputAndNeverOpens() throws {
        let null = try registry.add(id: "null0", backend: .null)
        XCTAssertEqual(null.filename, "null")
        XCTAssertFalse(null.supportsIOThread)
        let frontend = RecordingFrontend()
        let link = try null.attach(frontend)
        XCTAssertTrue(null.frontendOpen)
        link.write(Array("nowhere".utf8))
        registry.ioQueue.sync {}
        XCTAssertEqual(frontend.recorded, [])
        link.detach()
    }
}
