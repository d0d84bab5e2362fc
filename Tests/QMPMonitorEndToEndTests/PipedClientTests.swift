import Foundation
import Glibc
import QAPITestSupport
import XCTest

/// The daemon's own connect hint, fed from a pipe: `printf ... | socat -
/// UNIX-CONNECT:PATH`. socat shuts down its sending side at the end of the
/// pipe and waits for the server; every request gets its answer, as from
/// QEMU (spec Q1).
final class PipedClientTests: XCTestCase {
    func testSocatFromAPipeGetsEveryAnswer() throws {
        guard let socat = TestEnvironment.executableInPath("socat") else {
            // Installed with QEMU, so required with it.
            try TestEnvironment.skipOrFail(
                "socat not found in PATH (Scripts/install-test-peers.sh --qemu installs it)",
                requiredBy: "QAPI_REQUIRE_QEMU")
        }
        let folder = try TestEnvironment.makeShortFolder(prefix: "qmpp")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socketPath = folder + "/qmp.sock"
        let daemon = try DaemonProcess(["-qmp", "unix:\(socketPath),server=on,wait=off"], in: folder)
        defer { daemon.send(signal: SIGTERM) }
        _ = try QMPTestClient.connect(unix: socketPath, waitingUpTo: 10)

        for (count, capabilities) in [
            (0, ""), (1, ""), (5, ""), (20, ""), (5, #", "arguments": {"enable": ["oob"]}"#),
            (20, #", "arguments": {"enable": ["oob"]}"#),
        ] {
            var input = #"{"execute": "qmp_capabilities"\#(capabilities)}"# + "\n"
            for id in 0..<count { input += #"{"execute": "query-version", "id": \#(id)}"# + "\n" }
            let output = try pipe(input, through: socat, ["-t", "5", "-", "UNIX-CONNECT:" + socketPath])
            let answered = output.components(separatedBy: "\r\n").filter { $0.contains(#""id": "#) }.count
            XCTAssertEqual(answered, count, "\(count) requests\(capabilities.isEmpty ? "" : " with OOB"):\n\(output)")
        }
    }

    /// Runs `executable` with `input` on its standard input; returns its output.
    private func pipe(_ input: String, through executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
