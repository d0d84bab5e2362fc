#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floor: the least a server can do per request on this machine.
/// Blocking I/O, one client at a time, no parsing: it greets, then
/// answers one canned `query-version`-shaped line per newline it reads,
/// after reading it (the benchmark ends every request with a newline).
/// Answers to the requests of one read go out in one write.
enum FloorResponder {
    static let greeting =
        Array(
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 1, "major": 0}, "package": "swift-qapi"}, "capabilities": ["oob"]}}"#
                .utf8) + [0x0D, 0x0A]
    static let answer =
        Array(
            #"{"return": {"qemu": {"micro": 0, "minor": 1, "major": 0}, "package": "swift-qapi"}, "id": 1}"#.utf8)
        + [0x0D, 0x0A]

    /// Listens on `path` and serves clients until killed.
    static func serve(path: String) throws -> Never {
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw SocketFailure.lastError("socket") }
        unlink(path)
        guard try withUnixSocketAddress(path, { bind(listener, $0, $1) }) == 0 else {
            throw SocketFailure.lastError("bind")
        }
        guard listen(listener, 1) == 0 else { throw SocketFailure.lastError("listen") }
        // Raw buffers, allocated once: no array is copied or reallocated
        // per request (an array read into through a closure while a slice
        // of it was alive was copied on every read, and its copies piled up).
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 1)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536 * answer.count, alignment: 1)
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            greeting.withUnsafeBytes { writeAll(client, $0) }
            while true {
                let count = read(client, input.baseAddress!, input.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                var length = 0
                answer.withUnsafeBytes { answer in
                    for byte in UnsafeRawBufferPointer(rebasing: input[0..<count]) where byte == 0x0A {
                        UnsafeMutableRawBufferPointer(rebasing: output[length..<(length + answer.count)])
                            .copyMemory(from: answer)
                        length += answer.count
                    }
                }
                writeAll(client, UnsafeRawBufferPointer(rebasing: output[0..<length]))
            }
            close(client)
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
