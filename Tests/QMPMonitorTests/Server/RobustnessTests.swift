import Dispatch
import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// The server under churn, many clients, abrupt disconnects and hostile
/// input, over real unix sockets (spec T7, J8, Q, H).
final class RobustnessTests: ServerTestCase {
    private static let ok = #"{"return": {}}"#
    private static let version = #"{"return": {"qemu": {"micro": 0, "minor": 0, "major": 10}, "package": ""}"#

    /// The answer to `query-version` with id `id` (JSON text).
    private static func versionAnswer(id: String) -> String {
        version + #", "id": \#(id)}"#
    }

    private static func chardevAdd(_ id: String, _ socketPath: String) -> String {
        #"{"execute": "chardev-add", "arguments": {"id": "\#(id)", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(socketPath)"}}, "server": true, "wait": false}}}}"#
    }

    /// A mismatch that stops a long loop at its first failure.
    private struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    private func expect(_ actual: String, _ expected: String, _ what: @autoclosure () -> String) throws {
        guard actual == expected else {
            throw Mismatch(
                description:
                    "\(what()): got \(actual.prefix(300).debugDescription), expected \(expected.prefix(300).debugDescription)"
            )
        }
    }

    /// Resident memory in bytes (resident pages of /proc/self/statm).
    private static func residentBytes() throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { throw Mismatch(description: "statm: \(text)") }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }

    // MARK: 1. Hotplug churn

    /// One hotplug cycle driven from `main`: chardev-add, monitor-add, a
    /// client connects, negotiates and runs query-version,
    /// monitor-remove (the client is dropped), chardev-remove.
    private func hotplugCycle(_ main: QMPTestClient, _ socketPath: String, _ index: Int) throws {
        try expect(try main.execute(Self.chardevAdd("cyc", socketPath)), Self.ok, "chardev-add #\(index)")
        try expect(
            try main.execute(#"{"execute": "monitor-add", "arguments": {"id": "cyc", "chardev": "cyc"}}"#), Self.ok,
            "monitor-add #\(index)")
        let client = try connect(socketPath)
        try expect(
            try client.execute(#"{"execute": "query-version", "id": \#(index)}"#), Self.versionAnswer(id: "\(index)"),
            "query-version #\(index)")
        try expect(
            try main.execute(#"{"execute": "monitor-remove", "arguments": {"id": "cyc"}}"#), Self.ok,
            "monitor-remove #\(index)")
        guard client.waitForClose() else { throw Mismatch(description: "cycle \(index): client not dropped") }
        client.close()
        try expect(
            try main.execute(#"{"execute": "chardev-remove", "arguments": {"id": "cyc"}}"#), Self.ok,
            "chardev-remove #\(index)")
    }

    /// 1000 hotplug cycles leave the descriptor count flat and resident
    /// memory about flat (H1–H4, T7).
    func testThousandHotplugCyclesLeakNothing() throws {
        let main = try connect(try addSocketMonitor("main"))
        let socketPath = path("cycle.sock")
        let warmUp = 50
        let cycles = 1000
        let start = ContinuousClock.now
        for index in 0..<warmUp { try hotplugCycle(main, socketPath, index) }
        let descriptorsBefore = try TestEnvironment.openDescriptorCount()
        let residentBefore = try Self.residentBytes()
        let measured = ContinuousClock.now
        for index in warmUp..<cycles { try hotplugCycle(main, socketPath, index) }
        let end = ContinuousClock.now
        let descriptorsAfter = try TestEnvironment.openDescriptorCount()
        let residentAfter = try Self.residentBytes()
        let growth = residentAfter - residentBefore
        print(
            "hotplug churn: \(cycles) cycles in \(end - start) (\(cycles - warmUp) measured in \(end - measured)); "
                + "descriptors \(descriptorsBefore) -> \(descriptorsAfter); "
                + "resident \(residentBefore / 1024) KiB -> \(residentAfter / 1024) KiB (growth \(growth / 1024) KiB)")
        // A leak per cycle would show as hundreds; the margin of two is for
        // a descriptor a sanitizer's runtime may open meanwhile (TSan does).
        XCTAssertLessThanOrEqual(
            descriptorsAfter - descriptorsBefore, 2, "descriptor growth over \(cycles - warmUp) cycles")
        XCTAssertLessThan(growth, 8 << 20, "resident memory grew by \(growth) bytes")
        let monitors = json(try main.execute(#"{"execute": "query-monitors"}"#))["return"]?.arrayValue ?? []
        XCTAssertEqual(monitors, [["id": "main", "mode": "control", "chardev": "main-chr"]])
    }

    // MARK: 2. Many clients at once

    /// 50 monitors, 50 clients on threads of their own: all negotiate,
    /// then all run interleaved (partly pipelined) commands at the same
    /// time; each gets complete, correct answers with its own ids (Q1, Q3).
    func testFiftyClientsOnFiftyMonitorsAtOnce() throws {
        let count = 50
        var paths: [String] = []
        for index in 0..<count { paths.append(try addSocketMonitor("m\(index)")) }

        let failures = FailureLog()
        let ready = DispatchGroup()
        let finished = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        let began = ContinuousClock.now
        for index in 0..<count {
            let socketPath = paths[index]
            ready.enter()
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                var isReady = false
                defer { if !isReady { ready.leave() } }
                do {
                    try Self.runClient(index: index, socketPath: socketPath, monitorCount: count) {
                        isReady = true
                        ready.leave()
                        guard start.wait(timeout: .now() + 30) == .success else {
                            throw Mismatch(description: "client \(index): start signal never came")
                        }
                    }
                } catch {
                    failures.append("client \(index): \(error)")
                }
            }
            thread.start()
        }
        XCTAssertEqual(ready.wait(timeout: .now() + 30), .success, "not every client negotiated")
        for _ in 0..<count { start.signal() }
        XCTAssertEqual(finished.wait(timeout: .now() + 60), .success, "not every client finished")
        print("50 clients: done in \(ContinuousClock.now - began)")
        let found = failures.entries
        XCTAssertEqual(found, [], "\(found.count) clients failed")
    }

    /// One client of monitor `m<index>`: greeting, negotiation, `ready`,
    /// then three pipelined requests and three rounds of single ones.
    private static func runClient(
        index: Int, socketPath: String, monitorCount: Int, ready: () throws -> Void
    ) throws {
        func check(_ condition: Bool, _ what: String) throws {
            if !condition { throw Mismatch(description: what) }
        }
        let client = try QMPTestClient.connect(unix: socketPath)
        let greeting = try client.readLine()
        try check(greeting.hasPrefix(#"{"QMP": "#), "greeting \(greeting)")
        let negotiated = try client.execute(#"{"execute": "qmp_capabilities", "id": "c\#(index)-neg"}"#)
        try check(negotiated == #"{"return": {}, "id": "c\#(index)-neg"}"#, "negotiation: \(negotiated)")
        try ready()

        // Pipelined: three requests in one write.
        try client.send(
            #"{"execute": "query-version", "id": "c\#(index)-p0"}"#
                + #"{"execute": "query-monitors", "id": "c\#(index)-p1"}"#
                + #"{"execute": "query-commands", "id": "c\#(index)-p2"}"#)
        let version = try client.readLine()
        try check(version == versionAnswer(id: #""c\#(index)-p0""#), "p0: \(version)")
        let monitors = try JSONValue(parsing: try client.readLine())
        try check(monitors["id"] == .string("c\(index)-p1"), "p1 id: \(monitors)")
        let listed = monitors["return"]?.arrayValue ?? []
        try check(listed.count == monitorCount, "p1 lists \(listed.count) monitors")
        try check(
            listed.contains(["id": .string("m\(index)"), "mode": "control", "chardev": .string("m\(index)-chr")]),
            "p1 misses m\(index)")
        let commands = try JSONValue(parsing: try client.readLine())
        try check(commands["id"] == .string("c\(index)-p2"), "p2 id: \(commands)")
        try check((commands["return"]?.arrayValue ?? []).contains(["name": "query-version"]), "p2 misses query-version")

        for round in 0..<3 {
            let id = #""c\#(index)-r\#(round)""#
            let answer = try client.execute(#"{"execute": "query-version", "id": \#(id)}"#)
            try check(answer == versionAnswer(id: id), "round \(round): \(answer)")
            let chardevs = try JSONValue(parsing: try client.execute(#"{"execute": "query-chardev", "id": \#(id)}"#))
            try check(chardevs["id"] == .string("c\(index)-r\(round)"), "round \(round) query-chardev id: \(chardevs)")
            try check(
                (chardevs["return"]?.arrayValue ?? []).contains { $0["label"] == .string("m\(index)-chr") },
                "round \(round): query-chardev misses m\(index)-chr")
        }
        client.close()
    }

    // MARK: 3. Abrupt disconnects

    /// Clients that leave mid-message (half a JSON object, nested, in a
    /// string) do not leave input behind: the next client of the monitor
    /// gets a fresh greeting, must negotiate again, and its first request
    /// parses on its own (T7, N). Another monitor keeps answering.
    func testDisconnectMidMessageLeavesNoInputBehind() throws {
        let hotPath = try addSocketMonitor("hot")
        let other = try connect(try addSocketMonitor("other"))
        let partials = [
            #"{"execute": "query-ver"#,
            #"{"execute": "query-version", "arguments": {"a": [1, {"b": "#,
            #"{"execute": 'half a single-quoted str"#,
            #"[[[[{"#,
            #"{"execute": "query-version", "id": 12"#,
        ]
        for (index, partial) in partials.enumerated() {
            let leaving = try connect(hotPath)
            try leaving.send(partial)
            leaving.close()
            XCTAssertEqual(
                try other.execute(#"{"execute": "query-version", "id": \#(index)}"#), Self.versionAnswer(id: "\(index)")
            )

            let next = try connect(hotPath, negotiate: false)
            XCTAssertEqual(
                try next.execute(#"{"execute": "query-version", "id": "before"}"#),
                errorLine(
                    "Expecting capabilities negotiation with 'qmp_capabilities'", "CommandNotFound", id: #""before""#),
                "after \(partial.debugDescription)")
            XCTAssertEqual(
                try next.execute(#"{"execute": "qmp_capabilities", "id": "neg"}"#), #"{"return": {}, "id": "neg"}"#)
            XCTAssertEqual(
                try next.execute(#"{"execute": "query-version", "id": "after"}"#), Self.versionAnswer(id: #""after""#))
            next.close()
        }
    }

    /// Clients that send a request and leave before (or while) reading
    /// its answer, large ones included: the server neither stalls nor
    /// hands the old answer to the next client, which gets a fresh
    /// greeting and its own complete answers (T7, Q4, H8).
    func testDisconnectMidCommandKeepsServing() throws {
        let hotPath = try addSocketMonitor("hot")
        let other = try connect(try addSocketMonitor("other"))
        let schema = json(try other.execute(#"{"execute": "query-qmp-schema", "id": "ref"}"#))
        let schemaSize = (schema["return"]?.arrayValue ?? []).count
        XCTAssertGreaterThan(schemaSize, 10)

        let requests = [
            #"{"execute": "query-qmp-schema", "id": "gone"}"#,
            #"{"execute": "query-version", "id": "gone"}"#,
            #"{"execute": "x-big", "arguments": {"size": 4194304}, "id": "gone"}"#,
            #"{"execute": "query-qmp-schema", "id": "gone"}{"execute": "query-qmp-schema", "id": "gone"}"#,
            #"{"execute": "query-commands", "id": "gone"}"#,
        ]
        for round in 0..<3 {
            for (index, request) in requests.enumerated() {
                let leaving = try connect(hotPath)
                try leaving.send(request)
                if index == 2 {
                    // Mid-response: read a little of the 4 MiB answer.
                    XCTAssertEqual(try leaving.read(count: 12), #"{"return": ""#)
                }
                leaving.close()

                let next = try connect(hotPath)
                let id = #""r\#(round)-\#(index)""#
                let answer = json(try next.execute(#"{"execute": "query-qmp-schema", "id": \#(id)}"#, timeout: 20))
                XCTAssertEqual(answer["id"], .string("r\(round)-\(index)"))
                XCTAssertEqual((answer["return"]?.arrayValue ?? []).count, schemaSize)
                XCTAssertEqual(try next.execute(#"{"execute": "query-version", "id": 1}"#), Self.versionAnswer(id: "1"))
                XCTAssertTrue(next.receivesNothing(for: 0.05), "leftover output after the answers")
                next.close()
                XCTAssertEqual(
                    try other.execute(#"{"execute": "query-version", "id": 2}"#), Self.versionAnswer(id: "2"))
            }
        }
    }

    /// A client that leaves while its command runs: the answer is not
    /// handed to the monitor's next client, which sees its greeting and
    /// then only answers to its own requests (T7, Q4).
    func testAnswerOfALeftClientDoesNotReachTheNextOne() throws {
        let hotPath = try addSocketMonitor("hot")
        let other = try connect(try addSocketMonitor("other"))
        let leaving = try connect(hotPath)
        try leaving.send(#"{"execute": "x-block", "id": "gone"}"#)
        XCTAssertTrue(gate.waitForArrivals(), "x-block never ran")
        // One command at a time (Q3): the other monitor's request waits.
        try other.send(#"{"execute": "query-version", "id": "o"}"#)
        leaving.close()
        let next = try connect(hotPath, negotiate: false)
        gate.open()
        XCTAssertEqual(try other.readLine(), Self.versionAnswer(id: #""o""#))
        XCTAssertEqual(
            try next.execute(#"{"execute": "qmp_capabilities", "id": "neg"}"#), #"{"return": {}, "id": "neg"}"#)
        XCTAssertEqual(
            try next.execute(#"{"execute": "query-version", "id": "mine"}"#), Self.versionAnswer(id: #""mine""#))
    }

    // MARK: 4. Limits

    /// Reads `count` lines, each `expected`; stops at the first other one.
    private func expectLines(_ client: QMPTestClient, _ count: Int, _ expected: String, _ what: String) throws {
        for number in 0..<count {
            try expect(try client.readLine(), expected, "\(what), line \(number + 1) of \(count)")
        }
    }

    /// Depth 1024 is fine; the 1025th opener is `JSON nesting depth limit
    /// exceeded`, and every closer after it `expecting value`; the
    /// connection then answers normally and another monitor is unaffected
    /// (J8).
    func testNestingDepthLimit() throws {
        let client = try connect(try addSocketMonitor("main"))
        let other = try connect(try addSocketMonitor("other"))
        let deep = String(repeating: "[", count: 1023) + String(repeating: "]", count: 1023)
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-version", "id": \#(deep)}"#), Self.versionAnswer(id: deep),
            "depth 1024")

        let tooDeep = String(repeating: "[", count: 1024) + String(repeating: "]", count: 1024)
        try client.send(#"{"execute": "query-version", "id": \#(tooDeep)}"#)
        XCTAssertEqual(try client.readLine(), errorLine("JSON nesting depth limit exceeded"))
        try expectLines(client, 1025, errorLine("JSON parse error, expecting value"), "closers after the limit")
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-version", "id": "next"}"#), Self.versionAnswer(id: #""next""#))
        XCTAssertEqual(
            try other.execute(#"{"execute": "query-version", "id": "other"}"#), Self.versionAnswer(id: #""other""#))
    }

    /// 2^21 tokens are fine, the next one is `JSON token count limit
    /// exceeded`; the connection then answers normally (J8).
    func testTokenCountLimit() throws {
        let client = try connect(try addSocketMonitor("main"))
        let other = try connect(try addSocketMonitor("other"))
        // "[" and 2^20 times "0," make 2^21 + 1 tokens: the last comma
        // is one too many, and nothing of the message is left after it.
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(1 + 2 << 20)
        for _ in 0..<(1 << 20) { bytes += [UInt8(ascii: "0"), UInt8(ascii: ",")] }
        let start = ContinuousClock.now
        try client.send(bytes)
        XCTAssertEqual(try client.readLine(timeout: 60), errorLine("JSON token count limit exceeded"))
        print("token count limit: \(bytes.count) bytes answered in \(ContinuousClock.now - start)")
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-version", "id": "next"}"#), Self.versionAnswer(id: #""next""#))
        XCTAssertEqual(
            try other.execute(#"{"execute": "query-version", "id": "other"}"#), Self.versionAnswer(id: #""other""#))
    }

    /// A string token over 64 MiB is `JSON token size limit exceeded`
    /// (the lexer cuts it at 64 MiB + 1 bytes); the connection then
    /// answers normally (J8).
    func testTokenSizeLimit() throws {
        let client = try connect(try addSocketMonitor("main"))
        let other = try connect(try addSocketMonitor("other"))
        // The quote and 64 MiB of text: 64 MiB + 1 bytes, one too many.
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 1 + 64 << 20)
        bytes[0] = UInt8(ascii: "\"")
        let start = ContinuousClock.now
        try client.send(bytes)
        XCTAssertEqual(try client.readLine(timeout: 60), errorLine("JSON token size limit exceeded"))
        print("token size limit: \(bytes.count) bytes answered in \(ContinuousClock.now - start)")
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-version", "id": "next"}"#), Self.versionAnswer(id: #""next""#))
        XCTAssertTrue(client.receivesNothing(for: 0.05), "more than one error")
        XCTAssertEqual(
            try other.execute(#"{"execute": "query-version", "id": "other"}"#), Self.versionAnswer(id: #""other""#))
    }
}

/// Failures collected from client threads.
private final class FailureLog: Sendable {
    private let list = QAPILock<[String]>([])

    func append(_ entry: String) {
        list.withLock { $0.append(entry) }
    }

    var entries: [String] {
        list.withLock { $0 }
    }
}
