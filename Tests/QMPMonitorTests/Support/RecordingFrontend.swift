import Dispatch
import QAPIRuntime
import QMPMonitor
import XCTest

/// A frontend that records what its chardev delivers, for tests to wait on.
final class RecordingFrontend: ChardevFrontend {
    /// One callback, as recorded.
    enum Event: Equatable {
        case opened
        case closed
        case received([UInt8])
    }

    /// How much of each delivery the frontend consumes.
    enum Consumption {
        /// Everything.
        case everything
        /// Up to and including the first newline, then it pauses reading,
        /// like a monitor that stops after each request.
        case oneLineThenPause
        /// One byte per call, like QEMU's monitor (spec T6).
        case oneByte
    }

    private let consumption: Consumption
    private let reaction: (@Sendable (Event, ChardevLink) -> Void)?
    private let events = QAPILock<(all: [Event], byteCount: Int)>(([], 0))
    private let changed = DispatchSemaphore(value: 0)

    /// A frontend consuming as `consumption` says; `reaction` runs on the
    /// I/O queue after each event is recorded.
    init(consumption: Consumption = .everything, reaction: (@Sendable (Event, ChardevLink) -> Void)? = nil) {
        self.consumption = consumption
        self.reaction = reaction
    }

    func chardevOpened(_ link: ChardevLink) {
        record(.opened, link)
    }

    func chardevClosed(_ link: ChardevLink) {
        record(.closed, link)
    }

    func chardevReceived(_ bytes: UnsafeRawBufferPointer, on link: ChardevLink) -> Int {
        var taken = Array(bytes)
        switch consumption {
        case .everything:
            break
        case .oneLineThenPause:
            if let newline = taken.firstIndex(of: UInt8(ascii: "\n")) {
                taken.removeSubrange((newline + 1)...)
                link.pauseReading()
            }
        case .oneByte:
            taken.removeSubrange(1...)
        }
        record(.received(taken), link)
        return taken.count
    }

    /// Everything recorded so far.
    var recorded: [Event] { events.withLock { $0.all } }

    /// How many bytes were received in total.
    var receivedByteCount: Int { events.withLock { $0.byteCount } }

    /// The received bytes, concatenated.
    var receivedBytes: [UInt8] { Self.bytes(in: recorded) }

    /// The received bytes as text.
    var receivedText: String { String(decoding: receivedBytes, as: UTF8.self) }

    /// How many `opened` and `closed` callbacks arrived.
    var openedCount: Int { recorded.filter { $0 == .opened }.count }
    var closedCount: Int { recorded.filter { $0 == .closed }.count }

    /// The events without the received bytes, e.g. `[.opened, .closed]`.
    var connectionEvents: [Event] { recorded.filter { $0 == .opened || $0 == .closed } }

    /// Waits until `condition` holds for this frontend (failing the test
    /// after `timeout` seconds).
    @discardableResult
    func wait(
        _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
        until condition: (RecordingFrontend) -> Bool
    ) -> Bool {
        let deadline = DispatchTime.now() + timeout
        while !condition(self) {
            if changed.wait(timeout: deadline) == .timedOut {
                if condition(self) { return true }
                XCTFail("timed out waiting for \(what); recorded \(recorded)", file: file, line: line)
                return false
            }
        }
        return true
    }

    /// Waits until `text` has been received in total.
    func waitForText(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        wait("'\(text)'", file: file, line: line) { $0.receivedText == text }
    }

    /// The concatenated bytes of the `received` events in `events`.
    static func bytes(in events: [Event]) -> [UInt8] {
        events.flatMap { event -> [UInt8] in
            if case .received(let bytes) = event { return bytes }
            return []
        }
    }

    private func record(_ event: Event, _ link: ChardevLink) {
        events.withLock { events in
            events.all.append(event)
            if case .received(let bytes) = event { events.byteCount += bytes.count }
        }
        reaction?(event, link)
        changed.signal()
    }
}
