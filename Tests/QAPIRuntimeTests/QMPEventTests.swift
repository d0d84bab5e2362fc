import QAPIRuntime
import XCTest

/// Spec E1: event messages, their wire form and their sinks.
final class QMPEventTests: XCTestCase {
    private struct Stop: QMPEvent {
        static let name = "STOP"
        func eventData() -> JSONObject? { nil }
    }

    private struct Shutdown: QMPEvent {
        static let name = "SHUTDOWN"
        var guest: Bool
        var reason: String
        func eventData() -> JSONObject? { ["guest": .bool(guest), "reason": .string(reason)] }
    }

    /// Collects what is emitted.
    private final class Collector: QMPEventSink {
        private let messages = QAPILock<[QMPEventMessage]>([])
        var all: [QMPEventMessage] { messages.withLock { $0 } }
        func emit(_ message: QMPEventMessage) { messages.withLock { $0.append(message) } }
    }

    private func qemu(_ message: QMPEventMessage) -> String {
        JSONWriter(memberOrder: .qdict).string(message.json)
    }

    func testE1EventWithoutData() {
        let message = QMPEventMessage(Stop(), timestamp: QMPTimestamp(seconds: 5, microseconds: 999_999))
        XCTAssertEqual(qemu(message), #"{"timestamp": {"seconds": 5, "microseconds": 999999}, "event": "STOP"}"#)
    }

    func testE1EventWithData() {
        let message = QMPEventMessage(
            Shutdown(guest: false, reason: "host-qmp-quit"), timestamp: QMPTimestamp(seconds: 1, microseconds: 2))
        XCTAssertEqual(
            qemu(message),
            #"{"timestamp": {"seconds": 1, "microseconds": 2}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}"#
        )
    }

    func testE1EmptyDataIsKept() {
        let message = QMPEventMessage(name: "X", data: [:], timestamp: QMPTimestamp(seconds: 0, microseconds: 0))
        XCTAssertEqual(qemu(message), #"{"timestamp": {"seconds": 0, "microseconds": 0}, "event": "X", "data": {}}"#)
    }

    func testE1TimestampSplit() {
        XCTAssertEqual(
            QMPTimestamp(microsecondsSinceEpoch: 1_700_000_000_123_456),
            QMPTimestamp(seconds: 1_700_000_000, microseconds: 123_456))
        XCTAssertEqual(
            QMPTimestamp(microsecondsSinceEpoch: -1_500_000), QMPTimestamp(seconds: -1, microseconds: -500_000))
    }

    func testE1SinkStampsWithTheWallClock() throws {
        let sink = Collector()
        let before = QMPTimestamp.now
        sink.emit(Shutdown(guest: true, reason: "guest-shutdown"))
        let after = QMPTimestamp.now
        let messages = sink.all
        XCTAssertEqual(messages.count, 1)
        let message = try XCTUnwrap(messages.first)
        XCTAssertEqual(message.name, "SHUTDOWN")
        XCTAssertEqual(message.data, ["guest": true, "reason": "guest-shutdown"])
        let micros = { (t: QMPTimestamp) in t.seconds * 1_000_000 + t.microseconds }
        XCTAssertLessThanOrEqual(micros(before), micros(message.timestamp))
        XCTAssertLessThanOrEqual(micros(message.timestamp), micros(after))
        XCTAssertGreaterThan(before.seconds, 1_600_000_000)
        XCTAssertTrue((0..<1_000_000).contains(message.timestamp.microseconds))
    }
}
