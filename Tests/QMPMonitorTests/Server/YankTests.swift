import Foundation
import QAPIRuntime
import QAPITestSupport
import QMPMonitor
import XCTest

/// yank and query-yank (spec Y1, Y2, O4), with QEMU 7.2's texts.
final class YankTests: ServerTestCase {
    private let notFound = errorLine("Instance not found", "DeviceNotFound")

    private func yankArguments(_ ids: [String]) -> String {
        #"{"instances": [\#(ids.map { #"{"type": "chardev", "id": "\#($0)"}"# }.joined(separator: ", "))]}"#
    }

    private func yankInstances(_ ids: [String]) -> String {
        #"{"return": [\#(ids.map { #"{"type": "chardev", "id": "\#($0)"}"# }.joined(separator: ", "))]}"#
    }

    /// Waits until `condition` holds (the I/O side acts on its own time);
    /// false if it never does.
    private func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            if Date() >= deadline { return false }
            usleep(2000)
        }
        return true
    }

    private func filename(_ id: String) -> String? {
        server.chardevs.chardev(id: id)?.filename
    }

    /// Y1: one instance per socket chardev (listening or client, with or
    /// without a monitor), in creation order; none for null and ringbuf;
    /// removal drops it, chardev-change moves it to the end. query-yank
    /// runs in band and out of band (O4).
    func testQueryYankListsSocketChardevs() throws {
        let client = try connect(try addSocketMonitor("main"), enable: ["oob"])
        try addSocketChardev("b")
        try server.chardevs.add(id: "n", backend: .null)
        let peer = try addSocketChardev("a")
        try server.chardevs.add(id: "r", backend: .ringbuf())
        try server.chardevs.add(
            id: "cl", backend: .socket(ChardevSocketOptions(address: .unix(path: peer), server: false)))
        try addSocketChardev("z")
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-yank"}"#), yankInstances(["main-chr", "b", "a", "cl", "z"]))
        XCTAssertEqual(
            try client.execute(#"{"exec-oob": "query-yank", "id": 1}"#),
            #"{"return": [{"type": "chardev", "id": "main-chr"}, {"type": "chardev", "id": "b"}, {"type": "chardev", "id": "a"}, {"type": "chardev", "id": "cl"}, {"type": "chardev", "id": "z"}], "id": 1}"#
        )
        XCTAssertEqual(
            try client.execute(#"{"execute": "chardev-remove", "arguments": {"id": "z"}}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try client.execute(
                #"{"execute": "chardev-change", "arguments": {"id": "b", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "\#(path("b2.sock"))"}}}}}}"#
            ),
            #"{"return": {}}"#)
        XCTAssertEqual(try client.execute(#"{"execute": "query-yank"}"#), yankInstances(["main-chr", "a", "cl", "b"]))
        XCTAssertEqual(
            try client.execute(#"{"execute": "query-yank", "arguments": {"x": 1}}"#),
            errorLine("Parameter 'x' is unexpected"))
    }

    /// Y2: an empty list succeeds; an instance that is not registered
    /// (unknown id, a chardev without yank, block-node, migration) is
    /// DeviceNotFound and yanks nothing, not even the valid instances
    /// before it; the arguments are checked as QEMU checks them.
    func testYankErrors() throws {
        let client = try connect(try addSocketMonitor("main"))
        let other = try connect(try addSocketMonitor("other"))
        try server.chardevs.add(id: "r", backend: .ringbuf())
        func yank(_ arguments: String) throws -> String {
            try client.execute(#"{"execute": "yank", "arguments": \#(arguments)}"#)
        }
        XCTAssertEqual(try yank(#"{"instances": []}"#), #"{"return": {}}"#)
        XCTAssertEqual(try yank(yankArguments(["nope"])), notFound)
        XCTAssertEqual(try yank(yankArguments(["r"])), notFound)
        XCTAssertEqual(try yank(#"{"instances": [{"type": "block-node", "node-name": "disk0"}]}"#), notFound)
        XCTAssertEqual(try yank(#"{"instances": [{"type": "migration"}]}"#), notFound)
        XCTAssertEqual(try yank(yankArguments(["other-chr", "nope"])), notFound)
        XCTAssertEqual(
            try other.execute(#"{"execute": "query-status"}"#).hasPrefix(#"{"return": "#), true, "nothing was yanked")

        XCTAssertEqual(try yank("{}"), errorLine("Parameter 'instances' is missing"))
        XCTAssertEqual(
            try yank(#"{"instances": {}}"#), errorLine("Invalid parameter type for 'instances', expected: array"))
        XCTAssertEqual(try yank(#"{"instances": [{}]}"#), errorLine("Parameter 'instances[0].type' is missing"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "bogus"}]}"#),
            errorLine("Parameter 'type' does not accept value 'bogus'"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "chardev"}]}"#), errorLine("Parameter 'instances[0].id' is missing"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "chardev", "id": 1}]}"#),
            errorLine("Invalid parameter type for 'instances[0].id', expected: string"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "chardev", "id": "x", "extra": 1}]}"#),
            errorLine("Parameter 'instances[0].extra' is unexpected"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "block-node"}]}"#),
            errorLine("Parameter 'instances[0].node-name' is missing"))
        XCTAssertEqual(
            try yank(#"{"instances": [{"type": "migration", "x": 1}]}"#),
            errorLine("Parameter 'instances[0].x' is unexpected"))
    }

    /// Y2: yanking a monitor's chardev drops its client at once; the
    /// listening chardev reports `disconnected:` and serves the next
    /// client, which negotiates afresh. Naming an instance twice is fine.
    func testYankDropsTheConnection() throws {
        let client = try connect(try addSocketMonitor("main"))
        let otherPath = try addSocketMonitor("other")
        let other = try connect(otherPath, enable: [])
        XCTAssertEqual(filename("other-chr"), "unix:\(otherPath),server=on")
        XCTAssertEqual(
            try client.execute(#"{"execute": "yank", "arguments": \#(yankArguments(["other-chr", "other-chr"]))}"#),
            #"{"return": {}}"#)
        XCTAssertTrue(other.waitForClose())
        XCTAssertTrue(eventually { filename("other-chr") == "disconnected:unix:\(otherPath),server=on" })
        let next = try connect(otherPath)
        XCTAssertEqual(try next.execute(#"{"execute": "query-name"}"#), #"{"return": {}}"#)
        XCTAssertEqual(
            try client.execute(#"{"execute": "yank", "arguments": \#(yankArguments(["other-chr"]))}"#),
            #"{"return": {}}"#)
        XCTAssertTrue(next.waitForClose())
    }

    /// Y2, O3: yank runs out of band while the dispatcher is blocked in a
    /// long in-band command: another monitor's client is dropped at once
    /// and its chardev serves a new client (greeting included) before the
    /// command ends; the blocked command's own connection can be yanked
    /// too, and its response then goes nowhere.
    func testYankWhileTheDispatcherIsBlocked() throws {
        let blockedPath = try addSocketMonitor("blocked")
        let blocked = try connect(blockedPath)
        let yanker = try connect(try addSocketMonitor("yanker"), enable: ["oob"])
        let victimPath = try addSocketMonitor("victim")
        let victim = try connect(victimPath)

        try blocked.send(#"{"execute": "x-block", "id": "long"}"#)
        XCTAssertTrue(gate.waitForArrivals(), "x-block never ran")
        XCTAssertEqual(
            try yanker.execute(#"{"exec-oob": "yank", "arguments": \#(yankArguments(["victim-chr"])), "id": "y1"}"#),
            #"{"return": {}, "id": "y1"}"#)
        XCTAssertTrue(victim.waitForClose())
        XCTAssertTrue(eventually { filename("victim-chr") == "disconnected:unix:\(victimPath),server=on" })
        let newcomer = try QMPTestClient.connect(unix: victimPath)
        XCTAssertTrue(try newcomer.readLine().hasPrefix(#"{"QMP": "#), "the greeting does not wait for the dispatcher")

        XCTAssertEqual(
            try yanker.execute(#"{"exec-oob": "yank", "arguments": \#(yankArguments(["blocked-chr"])), "id": "y2"}"#),
            #"{"return": {}, "id": "y2"}"#)
        XCTAssertTrue(blocked.waitForClose(), "dropped without the response of x-block")
        XCTAssertEqual(
            try yanker.execute(#"{"exec-oob": "query-yank", "id": "q"}"#).hasSuffix(#""id": "q"}"#), true)

        gate.open()
        XCTAssertEqual(try newcomer.execute(#"{"execute": "qmp_capabilities"}"#), #"{"return": {}}"#)
        let again = try connect(blockedPath)
        XCTAssertEqual(
            try again.execute(#"{"execute": "query-status", "id": 2}"#),
            #"{"return": {"status": "running", "singlestep": false, "running": true}, "id": 2}"#)
    }

    /// Y2: a client that yanks its own chardev, out of band or in band,
    /// loses the connection before the answer is written; the chardev
    /// then serves the next client.
    func testSelfYank() throws {
        let socketPath = try addSocketMonitor("main")
        for request in [
            #"{"exec-oob": "yank", "arguments": \#(yankArguments(["main-chr"])), "id": "self"}"#,
            #"{"execute": "yank", "arguments": \#(yankArguments(["main-chr"])), "id": "self"}"#,
        ] {
            let client = try connect(socketPath, enable: ["oob"])
            try client.send(request)
            XCTAssertTrue(client.waitForClose(), "closed with no answer: \(request)")
        }
        let client = try connect(socketPath)
        XCTAssertEqual(try client.execute(#"{"execute": "query-name"}"#), #"{"return": {}}"#)
    }

    /// Y2, C5: a client-mode socket chardev is `unix:` while connected
    /// (QEMU 7.2); yanked, it stays `disconnected:unix:PATH` and its peer
    /// sees the connection end.
    func testYankClientSocket() throws {
        let client = try connect(try addSocketMonitor("main"))
        let peerPath = try addSocketChardev("peer")
        try server.chardevs.add(
            id: "cl", backend: .socket(ChardevSocketOptions(address: .unix(path: peerPath), server: false)))
        XCTAssertEqual(filename("cl"), "unix:")
        XCTAssertTrue(eventually { filename("peer") == "unix:\(peerPath),server=on" })
        let chardevs = try client.execute(#"{"execute": "query-chardev"}"#)
        XCTAssertTrue(chardevs.contains(#"{"frontend-open": false, "filename": "unix:", "label": "cl"}"#), chardevs)
        XCTAssertEqual(
            try client.execute(#"{"execute": "yank", "arguments": \#(yankArguments(["cl"]))}"#), #"{"return": {}}"#)
        XCTAssertTrue(eventually { filename("cl") == "disconnected:unix:\(peerPath)" })
        XCTAssertTrue(eventually { filename("peer") == "disconnected:unix:\(peerPath),server=on" })
        XCTAssertEqual(
            try client.execute(#"{"execute": "yank", "arguments": \#(yankArguments(["cl"]))}"#), #"{"return": {}}"#)
        XCTAssertEqual(filename("cl"), "disconnected:unix:\(peerPath)", "a client does not reconnect")
    }
}
