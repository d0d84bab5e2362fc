import QMPMonitor
import XCTest

/// Adding, finding, listing and removing chardevs (spec C1, C4).
final class ChardevRegistryTests: ChardevTestCase {
    func testDuplicateIDIsReportedBeforeTheBackendIsLookedAt() throws {
        try registry.add(id: "c0", backend: .null)
        XCTAssertEqual(
            chardevError { try registry.add(id: "c0", backend: .ringbuf(size: 3)) },
            ChardevError(.duplicateID, "Chardev with id 'c0' already exists"))
    }

    func testIDsAreNotSyntaxChecked() throws {
        try registry.add(id: "", backend: .null)
        try registry.add(id: "a b", backend: .null)
        XCTAssertEqual(registry.chardevs.map(\.id), ["", "a b"])
    }

    func testListingKeepsCreationOrderAcrossRemovals() throws {
        for id in ["z", "a", "m"] { try registry.add(id: id, backend: .null) }
        try registry.remove(id: "a")
        try registry.add(id: "b", backend: .ringbuf())
        XCTAssertEqual(registry.chardevs.map(\.id), ["z", "m", "b"])
        XCTAssertEqual(registry.chardev(id: "b")?.backend, .ringbuf)
        XCTAssertNil(registry.chardev(id: "a"))
    }

    func testRemoveErrors() throws {
        XCTAssertEqual(
            chardevError { try registry.remove(id: "ghost") }, ChardevError(.notFound, "Chardev 'ghost' not found"))
        let chardev = try registry.add(id: "busy", backend: .ringbuf())
        let link = try chardev.attach(RecordingFrontend())
        XCTAssertEqual(chardevError { try registry.remove(id: "busy") }, ChardevError(.busy, "Chardev 'busy' is busy"))
        XCTAssertNotNil(registry.chardev(id: "busy"), "a busy chardev stays")
        link.detach()
        try registry.remove(id: "busy")
        XCTAssertEqual(registry.chardevs.count, 0)
    }

    func testAClosedChardevRefusesFrontends() throws {
        let chardev = try registry.add(id: "gone", backend: .null)
        try registry.remove(id: "gone")
        XCTAssertEqual(
            chardevError { _ = try chardev.attach(RecordingFrontend()) },
            ChardevError(.notFound, "Chardev 'gone' not found"))
        XCTAssertNoThrow(try chardev.close(), "closing twice does nothing")
    }

    func testErrorKindsTellChardevAddWhichTextsToPrefix() {
        let error = chardevError { try registry.add(id: "r", backend: .ringbuf(size: 6)) }
        XCTAssertEqual(error?.kind, .backend)
        XCTAssertEqual(error?.description, "size of ringbuf chardev must be power of two")
    }
}
