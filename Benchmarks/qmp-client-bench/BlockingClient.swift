#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's ceiling: a blocking client on one thread that writes
/// `query-version` and counts reply lines, decoding nothing. No client can
/// beat it by much, so it shows how much of a figure is the server's.
final class BlockingClient {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 65536)
    /// Bytes received but not yet counted as lines.
    private var pending = 0
    private static let request = Array(#"{"execute": "query-version"}"#.utf8) + [10]

    /// Connects to `path`, reads the greeting and negotiates `oob` (so the
    /// server queues up to 8 requests, as for the other clients).
    init?(path: String) {
        #if canImport(Glibc)
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #elseif canImport(Darwin)
        descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8).prefix($0.count - 1)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else { return nil }
        guard readLines(1) else { return nil }
        write(Array(#"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#.utf8) + [10])
        guard readLines(1) else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// Round trips with one request in flight until `duration` has passed.
    func sequential(for duration: Duration) -> Int {
        var count = 0
        let start = ContinuousClock.now
        while ContinuousClock.now - start < duration {
            write(Self.request)
            guard readLines(1) else { break }
            count += 1
        }
        return count
    }

    /// Round trips with `depth` requests in flight until `duration` has
    /// passed.
    func pipelined(depth: Int, for duration: Duration) -> Int {
        for _ in 0..<depth { write(Self.request) }
        var count = 0
        let start = ContinuousClock.now
        while ContinuousClock.now - start < duration {
            guard readLines(1) else { break }
            count += 1
            write(Self.request)
        }
        _ = readLines(depth)
        return count
    }

    private func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Reads until `count` more lines (LF-terminated messages) have come.
    private func readLines(_ count: Int) -> Bool {
        var needed = count
        while true {
            while pending > 0, needed > 0, let end = buffer[..<pending].firstIndex(of: 10) {
                buffer.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + end + 1, byteCount: pending - end - 1)
                }
                pending -= end + 1
                needed -= 1
            }
            if needed == 0 { return true }
            let received = buffer.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress! + pending, $0.count - pending, 0)
            }
            guard received > 0 else { return false }
            pending += received
        }
    }
}
