import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import XCTest

/// The same request sequences played against the installed QEMU
/// (`qemu-system-x86_64 -M none`, 7.2 here) and against `qmp-monitor`
/// started with the same options and QEMU's reported version: the
/// transcripts must be equal, timestamps and `query-chardev`'s order aside
/// (see `QMPTranscript`). Covers the run state (S1–S7), yank (Y1, Y2),
/// chardev-change (C6), the `memory` alias and client filename (C5), and
/// `ringbuf-write`'s lenient base64 decoding of malformed data.
/// Skipped when QEMU is not installed (`Scripts/install-test-peers.sh --qemu`).
final class QEMUComparisonTests: XCTestCase {
    private typealias Step = QMPTranscript.Step

    private static func hmp(_ client: String, _ line: String) -> Step {
        .send(client, #"{"execute": "human-monitor-command", "arguments": {"command-line": "\#(line)"}}"#)
    }

    private static func execute(_ client: String, _ command: String, _ arguments: String? = nil) -> Step {
        .send(client, #"{"execute": "\#(command)""# + (arguments.map { #", "arguments": \#($0)"# } ?? "") + "}")
    }

    private static func yank(_ client: String, _ ids: [String], oob: Bool = false, id: Int? = nil) -> Step {
        let instances = ids.map { #"{"type": "chardev", "id": "\#($0)"}"# }.joined(separator: ", ")
        return .send(
            client,
            #"{"\#(oob ? "exec-oob" : "execute")": "yank", "arguments": {"instances": [\#(instances)]}"#
                + (id.map { #", "id": \#($0)"# } ?? "") + "}")
    }

    private static let quit: [Step] = [execute("a", "quit"), .expectClose("a")]

    /// S1–S7 over QMP and the human monitor, with a second monitor that
    /// negotiates late (S6, N6).
    private static let runStateSteps: [Step] =
        [
            .connect("a", "a.sock"), .connect("b", "b.sock"), execute("a", "qmp_capabilities"),
        ]
        + [
            "query-status", "query-name", "stop", "stop", "query-status", "cont", "cont", "query-status",
            "system_reset", "query-status", "stop", "system_reset", "query-status", "system_powerdown",
            "query-status", "cont", "query-status", "system_powerdown",
        ].map { execute("a", $0) } + [
            execute("a", "stop", #"{"x": 1}"#), execute("a", "query-name", #"{"x": 1}"#),
            .send("a", #"{"exec-oob": "cont", "id": 1}"#),
        ]
        + [
            "info status", "stop", "s", "info status", "system_reset", "info status", "c", "cont", "info status",
            "system_powerdown", "info name", "s x", "  info   status   x", "help stop", "help cont", "help c",
            "help system_reset", "help system_powerdown", "help info status", "help info bogus", "info bogus",
        ].map { hmp("a", $0) } + [
            execute("b", "qmp_capabilities"), execute("b", "stop"), .receive("a", 1), execute("b", "system_reset"),
            .receive("a", 1), execute("a", "cont"), .receive("b", 1),
        ] + quit + [.expectClose("b")]

    /// Y1, Y2 and O4: the instances in order, the errors, yanking another
    /// client, out of band and in band, a client-mode socket, and self-yank
    /// both ways.
    private static let yankSteps: [Step] =
        [
            .connect("a", "a.sock"), execute("a", "qmp_capabilities", #"{"enable": ["oob"]}"#),
            .connect("b", "s1.sock"), execute("b", "qmp_capabilities"),
            execute("a", "query-yank"), .send("a", #"{"exec-oob": "query-yank", "id": 1}"#),
            yank("a", []), yank("a", ["nope"]), yank("a", ["r"]), yank("a", ["m"]), yank("a", ["s1", "nope"]),
            execute("a", "yank", #"{"instances": [{"type": "block-node", "node-name": "d"}]}"#),
            execute("a", "yank", #"{"instances": [{"type": "migration"}]}"#),
            execute("a", "yank", "{}"), execute("a", "yank", #"{"instances": {}}"#),
            execute("a", "yank", #"{"instances": [{}]}"#), execute("a", "yank", #"{"instances": [{"type": "bogus"}]}"#),
            execute("a", "yank", #"{"instances": [{"type": "chardev"}]}"#),
            execute("a", "yank", #"{"instances": [{"type": "chardev", "id": 1}]}"#),
            execute("a", "yank", #"{"instances": [{"type": "block-node"}]}"#),
            execute("a", "yank", #"{"instances": [{"type": "migration", "x": 1}]}"#),
            execute("b", "query-name"),
            yank("a", ["s1", "s1"], oob: true, id: 2), .expectClose("b"),
            .connect("b", "s1.sock"), execute("b", "qmp_capabilities"), execute("b", "query-status"),
            yank("a", ["s1"]), .expectClose("b"),
            .listen("srv.sock"),
            execute(
                "a", "chardev-add",
                #"{"id": "cl", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "{dir}/srv.sock"}}, "server": false}}}"#
            ),
            execute("a", "query-chardev"), execute("a", "query-yank"), yank("a", ["cl"]), yank("a", ["cl"]),
            yank("a", ["compat_monitor0"], oob: true, id: 3),
            .connect("a", "a.sock"), execute("a", "qmp_capabilities"), yank("a", ["compat_monitor0"], id: 4),
            .connect("a", "a.sock"), execute("a", "qmp_capabilities"), execute("a", "query-yank"),
        ] + quit

    /// C6 and C5: errors, replacements, the yank instance moving to the
    /// end, a failing new backend, and `memory`.
    private static let changeSteps: [Step] = {
        func change(_ id: String, _ backend: String) -> Step {
            execute("a", "chardev-change", #"{"id": "\#(id)", "backend": \#(backend)}"#)
        }
        func socket(_ file: String, _ extra: String = "") -> String {
            #"{"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "{dir}/\#(file)"}}\#(extra)}}"#
        }
        let null = #"{"type": "null", "data": {}}"#
        return [
            .connect("a", "a.sock"), execute("a", "qmp_capabilities"),
            change("nope", null), change("compat_monitor0", null),
            change("compat_monitor0", #"{"type": "ringbuf", "data": {"size": 3}}"#),
            change("compat_monitor0", #"{"type": "bogus", "data": {}}"#), change("x", #"{"type": "memory"}"#),
            execute("a", "chardev-change", #"{"id": "x"}"#), execute("a", "chardev-change", #"{"backend": \#(null)}"#),
            execute("a", "ringbuf-write", #"{"device": "r", "data": "hello"}"#),
            change("r", #"{"type": "ringbuf", "data": {"size": 32}}"#),
            execute("a", "ringbuf-read", #"{"device": "r", "size": 100}"#),
            change("r", #"{"type": "memory", "data": {}}"#), execute("a", "query-chardev"),
            execute("a", "ringbuf-write", #"{"device": "r", "data": "abc"}"#),
            execute("a", "ringbuf-read", #"{"device": "r", "size": 100}"#),
            change("r", #"{"type": "ringbuf", "data": {"size": 3}}"#), execute("a", "query-chardev"),
            execute("a", "ringbuf-read", #"{"device": "r", "size": 1}"#), change("r", null),
            execute("a", "chardev-add", #"{"id": "late", "backend": \#(socket("late.sock"))}"#),
            execute("a", "query-yank"), change("s", socket("s2.sock")), execute("a", "query-yank"),
            execute("a", "query-chardev"),
            change("s", socket("none.sock", #", "server": false"#)), execute("a", "query-yank"),
            execute("a", "query-chardev"),
            execute("a", "chardev-add", #"{"id": "m", "backend": {"type": "memory", "data": {"size": 3}}}"#),
            execute("a", "chardev-add", #"{"id": "m", "backend": {"type": "memory", "data": {}}}"#),
            change("m", null), execute("a", "query-chardev"),
        ] + quit
    }()

    /// The `file` and `pty` backends (the examples of QEMU's `chardev-add`
    /// and `chardev-change` documentation): adding, the pty path
    /// returned, open errors, listing, hotswapping between them, removing.
    private static let fileAndPtySteps: [Step] = {
        func add(_ id: String, _ backend: String) -> Step {
            execute("a", "chardev-add", #"{"id": "\#(id)", "backend": \#(backend)}"#)
        }
        func change(_ id: String, _ backend: String) -> Step {
            execute("a", "chardev-change", #"{"id": "\#(id)", "backend": \#(backend)}"#)
        }
        let pty = #"{"type": "pty", "data": {}}"#
        return [
            .connect("a", "a.sock"), execute("a", "qmp_capabilities"),
            add("bar", #"{"type": "file", "data": {"out": "{dir}/bar.log"}}"#), add("baz", pty),
            add("both", #"{"type": "file", "data": {"in": "{dir}/bar.log", "out": "{dir}/both.log", "append": true}}"#),
            add("bad-out", #"{"type": "file", "data": {"out": "{dir}/missing/x.log"}}"#),
            add("bad-in", #"{"type": "file", "data": {"in": "{dir}/missing.log", "out": "{dir}/y.log"}}"#),
            add("no-out", #"{"type": "file", "data": {}}"#), add("pty-x", #"{"type": "pty", "data": {"x": 1}}"#),
            execute("a", "query-chardev"), change("baz", pty),
            change("bar", #"{"type": "file", "data": {"out": "{dir}/bar2.log"}}"#), change("both", pty),
            change("baz", #"{"type": "file", "data": {"out": "{dir}/missing/z.log"}}"#),
            execute("a", "query-chardev"), execute("a", "query-yank"),
            execute("a", "chardev-remove", #"{"id": "bar"}"#), execute("a", "chardev-remove", #"{"id": "both"}"#),
            execute("a", "query-chardev"),
        ] + quit
    }()

    /// Malformed base64 written to a ring buffer and read back as base64:
    /// unfinished groups, `=` anywhere, newlines, refused characters, and
    /// strings drawn at random (the same in every run) from the alphabet,
    /// `=` and newlines.
    private static let base64Steps: [Step] = {
        let written = [
            "aGVsbG8", "aGVsbA", "aGVsb", "aGV$sbG8=", "aGVs bG8=", "aGVsbG8=aGk=", "=aGk=", "", "=", "==", "===",
            "====", "=====", "========", "a===", "ab=c", "a=bc", "=b=d", "a==c", "YQ==YQ==YQ==", "AAAA====AAAA",
            "aGVs\nbG8=", "aGVs\n\nbG8=\n", "\n", "aGVs\rbG8=", "aGVs\tbG8=", "aGVs-bG8_", "\u{E9}",
            String(repeating: "QUJD", count: 700) + "Q=",
        ]
        var random = SplitMix64(seed: 0x6234_3634)
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/===\n")
        let drawn = (0..<30).map { _ in
            String((0..<Int.random(in: 1...24, using: &random)).map { _ in characters.randomElement(using: &random)! })
        }
        let rounds = (written + drawn).flatMap { data -> [Step] in
            let quoted = JSONValue.string(data).description
            return [
                execute("a", "ringbuf-write", #"{"device": "r", "data": \#(quoted), "format": "base64"}"#),
                execute("a", "ringbuf-read", #"{"device": "r", "size": 5000, "format": "base64"}"#),
            ]
        }
        return [.connect("a", "a.sock"), execute("a", "qmp_capabilities")] + rounds + quit
    }()

    func testRunState() throws {
        try compare(
            ["-qmp", "unix:{dir}/a.sock,server=on,wait=off", "-qmp", "unix:{dir}/b.sock,server=on,wait=off"],
            Self.runStateSteps)
    }

    func testRunStatePausedAndNamed() throws {
        try compare(
            [
                "-qmp", "unix:{dir}/a.sock,server=on,wait=off", "-qmp", "unix:{dir}/b.sock,server=on,wait=off",
                "-S", "-name", "vm-1",
            ],
            Self.runStateSteps)
    }

    func testYank() throws {
        try compare(
            [
                "-qmp", "unix:{dir}/a.sock,server=on,wait=off",
                "-chardev", "socket,id=s1,path={dir}/s1.sock,server=on,wait=off", "-mon", "chardev=s1,mode=control",
                "-chardev", "ringbuf,id=r", "-chardev", "memory,id=m,size=1024",
            ],
            Self.yankSteps)
    }

    func testChardevChange() throws {
        try compare(
            [
                "-qmp", "unix:{dir}/a.sock,server=on,wait=off", "-chardev", "ringbuf,id=r",
                "-chardev", "socket,id=s,path={dir}/s.sock,server=on,wait=off",
            ],
            Self.changeSteps)
    }

    func testFileAndPtyBackends() throws {
        try compare(["-qmp", "unix:{dir}/a.sock,server=on,wait=off"], Self.fileAndPtySteps)
    }

    func testRingbufBase64() throws {
        try compare(["-qmp", "unix:{dir}/a.sock,server=on,wait=off", "-chardev", "memory,id=r"], Self.base64Steps)
    }

    // MARK: Playing both

    /// Plays `steps` on QEMU started with `options`, then on qmp-monitor
    /// started with the same options and QEMU's version, and compares.
    private func compare(_ options: [String], _ steps: [Step]) throws {
        guard let qemu = TestEnvironment.executableInPath("qemu-system-x86_64") else {
            throw XCTSkip("qemu-system-x86_64 is not installed (Scripts/install-test-peers.sh --qemu); skipping")
        }
        let expected = try play(
            steps, options: ["-M", "none", "-display", "none", "-nodefaults"] + options,
            executable: URL(fileURLWithPath: qemu))
        guard let greeting = expected.first.flatMap({ try? JSONValue(parsing: String($0.dropFirst(3))) }),
            let version = greeting["QMP"]?["version"],
            let major = version["qemu"]?["major"]?.int64Value, let minor = version["qemu"]?["minor"]?.int64Value,
            let micro = version["qemu"]?["micro"]?.int64Value, let package = version["package"]?.stringValue
        else { return XCTFail("no QEMU greeting: \(expected.first ?? "nothing")") }
        for line in expected where line.hasSuffix("<timeout>") {
            XCTFail("QEMU did not answer, the sequence is wrong: \(line)")
        }
        let actual = try play(
            steps,
            options: ["--report-version", "\(major).\(minor).\(micro)", "--report-package", package] + options,
            executable: DaemonProcess.executable)
        XCTAssertEqual(actual.count, expected.count, "transcript lengths")
        for (index, (ours, theirs)) in zip(actual, expected).enumerated() where ours != theirs {
            XCTFail("line \(index + 1):\n  qmp-monitor: \(ours)\n  QEMU:        \(theirs)")
        }
    }

    /// The transcript of `steps` on `executable` started with `options`
    /// (`{dir}` standing for a fresh folder).
    private func play(_ steps: [Step], options: [String], executable: URL) throws -> [String] {
        let folder = try TestEnvironment.makeShortFolder(prefix: "qmpc")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try DaemonProcess(
            options.map { $0.replacingOccurrences(of: "{dir}", with: folder) }, in: folder, executable: executable)
        var transcript = QMPTranscript(folder: folder)
        defer { transcript.close() }
        try transcript.play(steps)
        if let dump = ProcessInfo.processInfo.environment["QMP_TRANSCRIPT_DIR"] {
            let file = "\(dump)/\(name.filter { $0.isLetter || $0.isNumber })-\(executable.lastPathComponent).txt"
            try transcript.lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(server.waitForExit(), 0, "\(executable.lastPathComponent): \(server.standardError)")
        return transcript.lines
    }
}
