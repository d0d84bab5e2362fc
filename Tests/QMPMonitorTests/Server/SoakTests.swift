import Dispatch
import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// A soak with a budget (issue "reliability"): 50 clients on hot-added
/// monitors send 100,000 requests in all, pipelined up to 8 deep, mixed
/// with out-of-band requests, garbage and abrupt disconnects, while a
/// control client keeps adding and removing monitors and chardevs and
/// changing a chardev's backend. Every request completely sent on a
/// connection that stayed open gets exactly one response with its id, no
/// response reaches another client, and open descriptors and resident
/// memory come back to where they started (memory only without
/// AddressSanitizer, whose quarantine and shadow memory inflate it).
final class SoakTests: ServerTestCase {
    /// The clients, each on its own hot-added monitor.
    private static let clientCount = 50
    /// The requests of the measured run, over all clients.
    private static let totalRequests = 100_000

    func testFiftyClientsHundredThousandRequestsLoseNothing() throws {
        let control = try connect(try addSocketMonitor("control"))
        // A first, smaller round warms up the allocator and the thread
        // pools, so that the memory figures compare like with like.
        _ = try soak(control: control, requests: 5_000, label: "warm-up")
        let fdsBefore = try TestEnvironment.openDescriptorCount()
        let rssBefore = try Self.residentBytes()
        let reactorThreadsBefore = try Self.reactorThreadCount()
        let report = try soak(control: control, requests: Self.totalRequests, label: "soak")
        let fdsAfter = try settledDescriptorCount(target: fdsBefore)
        let rssAfter = try Self.residentBytes()
        let reactorThreadsAfter = try Self.reactorThreadCount()
        print(
            """
            soak: \(report.clients) clients, \(report.sent) requests sent on connections that stayed open, \
            \(report.answered) answered, \(report.misrouted) misrouted, \(report.duplicated) answered twice, \
            \(report.lost) lost; \(report.abandoned) sent just before an abrupt disconnect, \(report.oob) out of band, \
            \(report.garbage) garbage lines; \(report.hotplugCycles) hotplug cycles, \(report.changes) chardev-changes; \
            \(report.seconds) s; fds \(fdsBefore) -> \(fdsAfter), RSS \(rssBefore / 1024) -> \(rssAfter / 1024) KiB, \
            reactor threads \(reactorThreadsBefore) -> \(reactorThreadsAfter)
            """)
        XCTAssertEqual(report.misrouted, 0)
        XCTAssertEqual(report.duplicated, 0)
        XCTAssertEqual(report.lost, 0)
        XCTAssertEqual(report.answered, report.sent)
        XCTAssertGreaterThanOrEqual(report.sent + report.abandoned, Self.totalRequests)
        XCTAssertEqual(report.failures, [])
        // Fewer is fine: descriptors of earlier tests in this process may
        // still be closing meanwhile; a leak shows as more.
        XCTAssertLessThanOrEqual(fdsAfter, fdsBefore, "open descriptors did not come back")
        // One server runs one command at a time: however busy its
        // monitors, the reactor needs no thread beyond the two it starts
        // with (one running a command, one waiting), or those it has.
        XCTAssertLessThanOrEqual(
            reactorThreadsAfter, max(reactorThreadsBefore, 2), "the reactor started threads under load")
        if TestEnvironment.isAddressSanitized {
            // Its quarantine keeps freed memory resident, and its shadow
            // memory grows with the heap: RSS says nothing about leaks here.
            print("soak: resident memory not checked under AddressSanitizer (LeakSanitizer checks leaks)")
        } else {
            XCTAssertLessThan(rssAfter - rssBefore, 16 << 20, "resident memory grew by more than 16 MiB")
        }
    }

    // MARK: The run

    /// What one run counted.
    private struct Report {
        var clients = 0
        var sent = 0
        var answered = 0
        var misrouted = 0
        var duplicated = 0
        var lost = 0
        var abandoned = 0
        var oob = 0
        var garbage = 0
        var hotplugCycles = 0
        var changes = 0
        var seconds = 0.0
        var failures: [String] = []

        mutating func add(_ other: SoakClientCount) {
            sent += other.sent
            answered += other.answered
            misrouted += other.misrouted
            duplicated += other.duplicated
            lost += other.lost
            abandoned += other.abandoned
            oob += other.oob
            garbage += other.garbage
        }
    }

    /// Adds a monitor per client, runs the clients and the churn of the
    /// control client together, removes the monitors, and reports.
    private func soak(control: QMPTestClient, requests: Int, label: String) throws -> Report {
        var paths: [String] = []
        for index in 0..<Self.clientCount {
            let socketPath = path("soak\(index).sock")
            try expectOK(control, Self.chardevAdd("soak\(index)", socketPath))
            try expectOK(
                control,
                #"{"execute": "monitor-add", "arguments": {"id": "soak\#(index)", "chardev": "soak\#(index)"}}"#)
            paths.append(socketPath)
        }
        let results = ResultLog()
        let finished = DispatchGroup()
        let began = ContinuousClock.now
        let perClient = requests / Self.clientCount
        for index in 0..<Self.clientCount {
            finished.enter()
            let socketPath = paths[index]
            Thread {
                defer { finished.leave() }
                do {
                    results.add(try Self.runClient(index: index, socketPath: socketPath, requests: perClient))
                } catch {
                    results.fail("client \(index): \(error)")
                }
            }.start()
        }
        var report = Report()
        report.clients = Self.clientCount
        var round = 0
        while finished.wait(timeout: .now()) == .timedOut {
            try churn(control, round: round, report: &report)
            round += 1
        }
        report.seconds =
            Double((ContinuousClock.now - began).components.seconds)
            + Double((ContinuousClock.now - began).components.attoseconds) / 1e18
        for index in 0..<Self.clientCount {
            try expectOK(control, #"{"execute": "monitor-remove", "arguments": {"id": "soak\#(index)"}}"#)
            try expectOK(control, #"{"execute": "chardev-remove", "arguments": {"id": "soak\#(index)"}}"#)
        }
        for count in results.counts { report.add(count) }
        report.failures = results.failures
        print("\(label): \(report.sent + report.abandoned) requests in \(report.seconds) s")
        return report
    }

    /// One step of the control client's churn: a whole hotplug cycle of a
    /// spare monitor with a client, and a ring buffer's backend changed
    /// back and forth.
    private func churn(_ control: QMPTestClient, round: Int, report: inout Report) throws {
        let socketPath = path("spare.sock")
        try expectOK(control, Self.chardevAdd("spare", socketPath))
        try expectOK(control, #"{"execute": "monitor-add", "arguments": {"id": "spare", "chardev": "spare"}}"#)
        let client = try connect(socketPath)
        let answer = try client.execute(#"{"execute": "query-version", "id": "spare\#(round)"}"#)
        guard answer.hasSuffix(#""id": "spare\#(round)"}"#) else { throw Mismatch(description: "spare: \(answer)") }
        try expectOK(control, #"{"execute": "monitor-remove", "arguments": {"id": "spare"}}"#)
        _ = client.waitForClose(timeout: 5, discardingInput: true)
        client.close()
        try expectOK(control, #"{"execute": "chardev-remove", "arguments": {"id": "spare"}}"#)
        report.hotplugCycles += 1

        let ring = #"{"type": "ringbuf", "data": {"size": 1024}}"#
        let null = #"{"type": "null", "data": {}}"#
        try expectOK(control, #"{"execute": "chardev-add", "arguments": {"id": "swap", "backend": \#(ring)}}"#)
        try expectOK(control, #"{"execute": "chardev-change", "arguments": {"id": "swap", "backend": \#(null)}}"#)
        try expectOK(control, #"{"execute": "chardev-change", "arguments": {"id": "swap", "backend": \#(ring)}}"#)
        try expectOK(control, #"{"execute": "chardev-remove", "arguments": {"id": "swap"}}"#)
        report.changes += 2
    }

    /// One client: connects, negotiates (every other client enables OOB),
    /// and sends its requests in batches of up to 8, some out of band,
    /// some batches with a garbage line; every 500 requests it sends one
    /// more and hangs up without reading, then connects again.
    private static func runClient(index: Int, socketPath: String, requests: Int) throws -> SoakClientCount {
        var count = SoakClientCount()
        var random = SoakRandom(seed: UInt64(index) &+ 0x5eed)
        let oob = index % 2 == 0
        var client = try negotiated(socketPath, oob: oob, index: index)
        var number = 0
        var sinceReconnect = 0
        while count.sent + count.abandoned < requests {
            if sinceReconnect >= 500 {
                try client.send(#"{"execute": "query-version", "id": "c\#(index)-x\#(number)"}"#)
                number += 1
                count.abandoned += 1
                client.close()
                client = try negotiated(socketPath, oob: oob, index: index)
                sinceReconnect = 0
                continue
            }
            let size = min(1 + Int(random.next() % 8), requests - count.sent - count.abandoned)
            var text = ""
            var expected = Set<String>()
            for position in 0..<size {
                let id = "c\(index)-\(number)"
                number += 1
                let outOfBand = oob && random.next() % 10 == 0
                if outOfBand { count.oob += 1 }
                text +=
                    outOfBand
                    ? #"{"exec-oob": "x-oob", "id": "\#(id)"}"#
                    : #"{"execute": "query-version", "id": "\#(id)"}"#
                text += "\n"
                expected.insert(id)
                if position == 0 && random.next() % 50 == 0 {
                    text += "{\"execute\": @}\n"
                    count.garbage += 1
                }
            }
            try client.send(text)
            count.sent += size
            sinceReconnect += size
            var seen = Set<String>()
            while seen.count < expected.count {
                let line: String
                do {
                    line = try client.readLine(timeout: 30)
                } catch {
                    count.lost += expected.count - seen.count
                    throw Mismatch(
                        description: "client \(index): \(error) with \(expected.count - seen.count) answers missing")
                }
                guard case .string(let id)? = try JSONValue(parsing: line)["id"] else { continue }
                if !expected.contains(id) {
                    count.misrouted += 1
                } else if !seen.insert(id).inserted {
                    count.duplicated += 1
                } else {
                    count.answered += 1
                }
            }
        }
        client.close()
        return count
    }

    /// A client of `socketPath` past the greeting and negotiation.
    private static func negotiated(_ socketPath: String, oob: Bool, index: Int) throws -> QMPTestClient {
        let client = try QMPTestClient.connect(unix: socketPath, waitingUpTo: 10)
        let greeting = try client.readLine(timeout: 30)
        guard greeting.hasPrefix(#"{"QMP": "#) else {
            throw Mismatch(description: "client \(index) greeting: \(greeting)")
        }
        let arguments = oob ? #", "arguments": {"enable": ["oob"]}"# : ""
        let answer = try client.execute(#"{"execute": "qmp_capabilities"\#(arguments)}"#, timeout: 30)
        guard answer == #"{"return": {}}"# else {
            throw Mismatch(description: "client \(index) negotiation: \(answer)")
        }
        return client
    }

    // MARK: Helpers

    private struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    private func expectOK(_ client: QMPTestClient, _ request: String) throws {
        let answer = try client.execute(request, timeout: 30)
        guard answer == #"{"return": {}}"# else { throw Mismatch(description: "\(request.prefix(80)): \(answer)") }
    }

    private static func chardevAdd(_ id: String, _ socketPath: String) -> String {
        #"{"execute": "chardev-add", "arguments": {"id": "\#(id)", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(socketPath)"}}, "server": true, "wait": false}}}}"#
    }

    /// The descriptor count once it is at most `target`, or after
    /// 5 s (descriptors close on the I/O queue, a moment after the
    /// commands that drop them have answered).
    private func settledDescriptorCount(target: Int) throws -> Int {
        let deadline = ContinuousClock.now + .seconds(5)
        var count = try TestEnvironment.openDescriptorCount()
        while count > target && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            count = try TestEnvironment.openDescriptorCount()
        }
        return count
    }

    /// The threads of this process named as the epoll reactor names its own.
    private static func reactorThreadCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").filter { task in
            let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
            return name?.trimmingCharacters(in: .whitespacesAndNewlines) == "qmp-reactor"
        }.count
    }

    private static func residentBytes() throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { throw Mismatch(description: "statm: \(text)") }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}

/// What one soak client counted.
private struct SoakClientCount: Sendable {
    var sent = 0
    var answered = 0
    var misrouted = 0
    var duplicated = 0
    var lost = 0
    var abandoned = 0
    var oob = 0
    var garbage = 0
}

/// The clients' counts and failures, gathered from their threads.
private final class ResultLog: Sendable {
    private let state = QAPILock<(counts: [SoakClientCount], failures: [String])>(([], []))

    /// Every count added so far.
    var counts: [SoakClientCount] { state.withLock { $0.counts } }
    /// Every failure so far.
    var failures: [String] { state.withLock { $0.failures } }

    func add(_ count: SoakClientCount) {
        state.withLock { $0.counts.append(count) }
    }

    func fail(_ message: String) {
        state.withLock { $0.failures.append(message) }
    }
}

/// A small deterministic generator (xorshift), so that a run can be
/// repeated.
private struct SoakRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 1 : seed }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
