import Foundation
import Glibc
import QAPIRuntime
import QMPClient

/// A fake QMP server for many clients on a single thread (`poll`): it
/// greets every client, answers `x-echo` with its text and every other
/// command with `{}`. For tests that count the process's threads.
final class PollingQMPServer: Sendable {
    /// The socket's path.
    let path: String
    private let stopped = QAPILock(false)
    private let finished = DispatchSemaphore(value: 0)

    /// A server listening now.
    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "qmp-poll-\(UUID().uuidString.prefix(8)).sock"
            ).path
        let listener = try FakeQMPServer.listen(path: path, backlog: 1024)
        let stopped = self.stopped
        let finished = self.finished
        Thread.detachNewThread {
            Self.serve(listener, until: { stopped.withLock { $0 } })
            Glibc.close(listener)
            finished.signal()
        }
    }

    /// The endpoint to connect to.
    var endpoint: QMPEndpoint { .unix(path: path) }

    /// Stops serving, closes every connection and removes the socket.
    func stop() {
        stopped.withLock { $0 = true }
        _ = finished.wait(timeout: .now() + 5)
        unlink(path)
    }

    private static func serve(_ listener: Int32, until stop: () -> Bool) {
        var parsers: [Int32: JSONStreamParser] = [:]
        var buffer = [UInt8](repeating: 0, count: 65536)
        let greeting =
            Array(
                #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}}"#
                    .utf8) + [13, 10]
        while !stop() {
            var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            entries += parsers.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&entries, nfds_t(entries.count), 50) > 0 else { continue }
            if entries[0].revents != 0 {
                let client = accept(listener, nil, nil)
                if client >= 0 {
                    write(client, greeting)
                    parsers[client] = JSONStreamParser()
                }
            }
            for entry in entries.dropFirst() where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { recv(entry.fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else {
                    Glibc.close(entry.fd)
                    parsers[entry.fd] = nil
                    continue
                }
                for output in parsers[entry.fd]!.feed(buffer[..<count]) {
                    guard case .success(let request) = output else { continue }
                    var reply = JSONObject()
                    if request["execute"] == "x-echo", let text = request["arguments"]?["text"] {
                        reply["return"] = ["text": text]
                    } else {
                        reply["return"] = .object([:])
                    }
                    reply["id"] = request["id"]
                    write(entry.fd, JSONWriter.qmpMessage(.object(reply)))
                }
            }
        }
        for client in parsers.keys { Glibc.close(client) }
    }

    private static func write(_ descriptor: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
