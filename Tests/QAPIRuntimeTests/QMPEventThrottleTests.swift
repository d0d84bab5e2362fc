import QAPIRuntime
import XCTest

/// Spec E4: event throttling, driven by a test clock.
final class QMPEventThrottleTests: XCTestCase {
    /// A point in test time: an offset from zero.
    private struct TestInstant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
        func duration(to other: TestInstant) -> Duration { other.offset - offset }
        static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
    }

    private func at(_ milliseconds: Int) -> TestInstant { TestInstant(offset: .milliseconds(milliseconds)) }

    private func event(_ name: String, _ data: JSONObject? = nil, _ serial: Int64 = 0) -> QMPEventMessage {
        QMPEventMessage(name: name, data: data, timestamp: QMPTimestamp(seconds: serial, microseconds: 0))
    }

    func testUnthrottledEventsPassThrough() {
        var throttle = QMPEventThrottle<TestInstant>()
        for serial in 0..<3 {
            let message = event("STOP", nil, Int64(serial))
            XCTAssertEqual(throttle.submit(message, at: at(0)), message)
        }
        XCTAssertNil(throttle.nextDeadline)
    }

    func testFirstSentAtOnceLaterOnesKeptLastWins() {
        var throttle = QMPEventThrottle<TestInstant>()
        let first = event("RTC_CHANGE", ["offset": 1], 1)
        XCTAssertEqual(throttle.submit(first, at: at(100)), first)
        XCTAssertEqual(throttle.nextDeadline, at(1100))
        XCTAssertNil(throttle.submit(event("RTC_CHANGE", ["offset": 2], 2), at: at(200)))
        XCTAssertNil(throttle.submit(event("RTC_CHANGE", ["offset": 3], 3), at: at(900)))
        XCTAssertEqual(throttle.fire(at: at(1099)), [])
        XCTAssertEqual(throttle.fire(at: at(1100)), [event("RTC_CHANGE", ["offset": 3], 3)])
        // The window re-opens from the firing time.
        XCTAssertEqual(throttle.nextDeadline, at(2100))
        XCTAssertNil(throttle.submit(event("RTC_CHANGE", nil, 4), at: at(1500)))
        XCTAssertEqual(throttle.fire(at: at(2300)), [event("RTC_CHANGE", nil, 4)])
        XCTAssertEqual(throttle.nextDeadline, at(3300))
        // Nothing kept: the window closes and the next event goes out at once.
        XCTAssertEqual(throttle.fire(at: at(3300)), [])
        XCTAssertNil(throttle.nextDeadline)
        XCTAssertEqual(throttle.submit(event("RTC_CHANGE", nil, 5), at: at(3400)), event("RTC_CHANGE", nil, 5))
    }

    func testKeyedByDataMember() {
        var throttle = QMPEventThrottle<TestInstant>()
        let a = event("VSERPORT_CHANGE", ["id": "a", "open": true])
        let b = event("VSERPORT_CHANGE", ["id": "b", "open": true])
        XCTAssertEqual(throttle.submit(a, at: at(0)), a)
        XCTAssertEqual(throttle.submit(b, at: at(10)), b)
        XCTAssertNil(throttle.submit(event("VSERPORT_CHANGE", ["id": "a", "open": false]), at: at(20)))
        XCTAssertEqual(throttle.nextDeadline, at(1000))
        XCTAssertEqual(throttle.fire(at: at(1000)), [event("VSERPORT_CHANGE", ["id": "a", "open": false])])
        XCTAssertEqual(throttle.nextDeadline, at(1010))
        XCTAssertEqual(throttle.fire(at: at(1010)), [])
        XCTAssertEqual(throttle.nextDeadline, at(2000))
    }

    func testKeyedByNameOnly() {
        var throttle = QMPEventThrottle<TestInstant>()
        let first = event("WATCHDOG", ["action": "reset"])
        XCTAssertEqual(throttle.submit(first, at: at(0)), first)
        XCTAssertNil(throttle.submit(event("WATCHDOG", ["action": "pause"]), at: at(1)))
        let other = event("BALLOON_CHANGE", ["actual": 1])
        XCTAssertEqual(throttle.submit(other, at: at(2)), other)
    }

    func testFireSendsInDeadlineOrder() {
        var throttle = QMPEventThrottle<TestInstant>()
        _ = throttle.submit(event("QUORUM_FAILURE"), at: at(300))
        _ = throttle.submit(event("RTC_CHANGE"), at: at(100))
        XCTAssertNil(throttle.submit(event("QUORUM_FAILURE", nil, 1), at: at(400)))
        XCTAssertNil(throttle.submit(event("RTC_CHANGE", nil, 2), at: at(500)))
        XCTAssertEqual(throttle.fire(at: at(5000)), [event("RTC_CHANGE", nil, 2), event("QUORUM_FAILURE", nil, 1)])
        XCTAssertEqual(throttle.nextDeadline, at(6000))
    }

    func testBlockIOErrorStopIsNotThrottled() {
        var throttle = QMPEventThrottle<TestInstant>()
        let report = event("BLOCK_IO_ERROR", ["qom-path": "/disk0", "action": "report"])
        XCTAssertEqual(throttle.submit(report, at: at(0)), report)
        XCTAssertNil(throttle.submit(report, at: at(1)))
        let stop = event("BLOCK_IO_ERROR", ["qom-path": "/disk0", "action": "stop"])
        XCTAssertEqual(throttle.submit(stop, at: at(2)), stop)
        XCTAssertEqual(throttle.submit(stop, at: at(3)), stop)
        let otherDisk = event("BLOCK_IO_ERROR", ["qom-path": "/disk1", "action": "ignore"])
        XCTAssertEqual(throttle.submit(otherDisk, at: at(4)), otherDisk)
    }

    func testQEMU10Table() {
        let table = QMPEventThrottleRule.qemu10
        XCTAssertEqual(
            Set(table.keys),
            [
                "RTC_CHANGE", "BLOCK_IO_ERROR", "WATCHDOG", "BALLOON_CHANGE", "QUORUM_REPORT_BAD", "QUORUM_FAILURE",
                "VSERPORT_CHANGE", "MEMORY_DEVICE_SIZE_CHANGE", "HV_BALLOON_STATUS_REPORT",
            ])
        XCTAssertTrue(table.values.allSatisfy { $0.interval == .seconds(1) })
        XCTAssertEqual(table["QUORUM_REPORT_BAD"]?.keyMember, "node-name")
        XCTAssertEqual(table["VSERPORT_CHANGE"]?.keyMember, "id")
        XCTAssertEqual(table["MEMORY_DEVICE_SIZE_CHANGE"]?.keyMember, "qom-path")
        XCTAssertEqual(
            table["BLOCK_IO_ERROR"],
            QMPEventThrottleRule(
                keyMember: "qom-path", exemption: QMPEventThrottleRule.Exemption(member: "action", value: "stop")))
        XCTAssertEqual(table["RTC_CHANGE"], QMPEventThrottleRule())
    }

    func testCustomRules() {
        var throttle = QMPEventThrottle<TestInstant>(rules: ["TICK": QMPEventThrottleRule(interval: .milliseconds(10))])
        XCTAssertEqual(throttle.submit(event("TICK"), at: at(0)), event("TICK"))
        XCTAssertEqual(throttle.submit(event("RTC_CHANGE"), at: at(0)), event("RTC_CHANGE"))
        XCTAssertEqual(throttle.submit(event("RTC_CHANGE"), at: at(1)), event("RTC_CHANGE"))
        XCTAssertEqual(throttle.nextDeadline, at(10))
    }

    func testRunsOnTheContinuousClock() {
        var throttle = QMPEventThrottle<ContinuousClock.Instant>()
        let start = ContinuousClock.now
        XCTAssertEqual(throttle.submit(event("WATCHDOG"), at: start), event("WATCHDOG"))
        XCTAssertEqual(throttle.nextDeadline, start.advanced(by: .seconds(1)))
    }
}
