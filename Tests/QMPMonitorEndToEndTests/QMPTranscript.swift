import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport

/// A request sequence played against a running server (QEMU or
/// qmp-monitor), recorded as a transcript that can be compared across
/// servers: `a> request` for what client `a` sent, `a< line` for what it
/// read, `a< <closed>` when the server closed the connection.
///
/// The transcript is normalised where the servers may differ without a
/// client being able to rely on it: event timestamps are blanked, the
/// server's folder is written `$DIR`, and `query-chardev` lists (whose
/// order is unspecified, spec C5) are sorted by label, and pseudo-terminal
/// paths lose their number.
struct QMPTranscript {
    /// One step of a sequence.
    enum Step {
        /// Client `name` connects to socket `file` in the folder and reads
        /// the greeting.
        case connect(_ name: String, _ file: String)
        /// Client `name` sends `request` and reads up to its response
        /// (events first), or until the connection closes.
        case send(_ name: String, _ request: String)
        /// Client `name` reads `count` lines (events sent to it).
        case receive(_ name: String, _ count: Int)
        /// Client `name` reads until the server closes the connection.
        case expectClose(_ name: String)
        /// The test listens on socket `file` in the folder (a peer for a
        /// client-mode chardev), accepting nothing.
        case listen(_ file: String)
    }

    /// The lines recorded so far.
    private(set) var lines: [String] = []
    private let folder: String
    private var clients: [String: QMPTestClient] = [:]
    private var listeners: [Int32] = []

    /// A transcript of a server whose sockets are in `folder`.
    init(folder: String) {
        self.folder = folder
    }

    /// Plays `steps` and records them.
    mutating func play(_ steps: [Step]) throws {
        for step in steps {
            switch step {
            case .connect(let name, let file):
                let client = try QMPTestClient.connect(unix: folder + "/" + file, waitingUpTo: 10)
                clients[name] = client
                record(name, read: client, until: { _ in true })
            case .send(let name, let request):
                guard let client = clients[name] else { throw TranscriptError("no client \(name)") }
                lines.append("\(name)> \(request)")
                try client.send(request.replacingOccurrences(of: "{dir}", with: folder))
                record(
                    name, read: client,
                    until: { $0.hasPrefix(#"{"return""#) || $0.hasPrefix(#"{"id""#) || $0.hasPrefix(#"{"error""#) })
            case .receive(let name, let count):
                guard let client = clients[name] else { throw TranscriptError("no client \(name)") }
                for _ in 0..<count { record(name, read: client, until: { _ in true }) }
            case .expectClose(let name):
                guard let client = clients[name] else { throw TranscriptError("no client \(name)") }
                record(name, read: client, until: { _ in false })
            case .listen(let file):
                listeners.append(try Self.listen(at: folder + "/" + file))
            }
        }
    }

    /// Closes every client and listening socket.
    mutating func close() {
        for client in clients.values { client.close() }
        clients = [:]
        for descriptor in listeners { Glibc.close(descriptor) }
        listeners = []
    }

    /// Reads lines of `client` until one satisfies `isLast`, the
    /// connection closes (recorded as `<closed>`), or nothing comes for
    /// five seconds (recorded as `<timeout>`).
    private mutating func record(_ name: String, read client: QMPTestClient, until isLast: (String) -> Bool) {
        while true {
            do {
                let line = try client.readLine(timeout: 5)
                lines.append("\(name)< \(normalized(line))")
                if isLast(line) { return }
            } catch QMPTestClient.ReadError.closed {
                lines.append("\(name)< <closed>")
                return
            } catch {
                lines.append("\(name)< <timeout>")
                return
            }
        }
    }

    private func normalized(_ line: String) -> String {
        // A pseudo-terminal's number depends on what else the machine has
        // open.
        let text = withoutTimestamps(line).replacingOccurrences(of: folder, with: "$DIR")
            .replacing(/\/dev\/pts\/[0-9]+/, with: "/dev/pts/N")
        guard text.hasPrefix(#"{"return": [{"frontend-open""#), let value = try? JSONValue(parsing: text),
            let list = value["return"]?.arrayValue
        else { return text }
        let sorted = list.sorted { ($0["label"]?.stringValue ?? "") < ($1["label"]?.stringValue ?? "") }
        return "query-chardev, sorted: " + sorted.map(\.description).joined(separator: ", ")
    }

    /// A listening unix socket at `path`.
    private static func listen(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, bound == 0, Glibc.listen(descriptor, 8) == 0 else {
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw TranscriptError("cannot listen on \(path)")
        }
        return descriptor
    }
}

/// A transcript that could not be played.
struct TranscriptError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
