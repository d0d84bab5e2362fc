import Foundation
import Glibc
import QAPIRuntime

/// What went wrong in a fake server's script.
enum ScriptError: Error, CustomStringConvertible {
    /// Nothing arrived in time.
    case timedOut(waitingFor: String)
    /// The client closed the connection.
    case clientClosed
    /// A request other than the expected one arrived.
    case unexpected(expected: String, got: JSONValue)

    var description: String {
        switch self {
        case .timedOut(let what): return "timed out waiting for \(what)"
        case .clientClosed: return "the client closed the connection"
        case .unexpected(let expected, let got): return "expected \(expected), got \(got)"
        }
    }
}

/// One client connection as a fake server's script plays it: blocking
/// steps with timeouts (send bytes, read a request, answer it with its id,
/// send events, stall, disconnect). Used by one script thread only.
final class FakeQMPPeer {
    private let descriptor: Int32
    private var parser = JSONStreamParser()
    private var received: [JSONValue] = []
    private var isClosed = false
    /// The file descriptors that came with the input (SCM_RIGHTS), in
    /// order; the script owns them.
    private(set) var receivedDescriptors: [Int32] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Sends `text` as it is.
    func send(_ text: String) {
        sendBytes(Array(text.utf8))
    }

    /// Sends raw bytes (the client may be gone: errors are ignored).
    func sendBytes(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count && !isClosed {
            let count = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            offset += count
        }
    }

    /// Sends one message, CRLF-terminated as QEMU does.
    func send(_ message: JSONValue) {
        sendBytes(JSONWriter.qmpMessage(message))
    }

    /// Sends QEMU 7.2's greeting offering `capabilities`.
    func sendGreeting(capabilities: [String] = ["oob"]) {
        send(
            #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "fake"}, "capabilities": \#(JSONValue.array(capabilities.map { .string($0) }))}}"#
        )
        send("\r\n")
    }

    /// Sends event `name` with `data`.
    func sendEvent(_ name: String, data: JSONObject? = nil) {
        send(
            QMPEventMessage(name: name, data: data, timestamp: QMPTimestamp(seconds: 1_700_000_000, microseconds: 42))
                .json)
    }

    /// The next request, as an object.
    func readRequest(timeout: Double = 5) throws -> JSONObject {
        let deadline = Date().addingTimeInterval(timeout)
        while received.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw ScriptError.timedOut(waitingFor: "a request") }
            guard try readSome(waitingUpTo: remaining) else { throw ScriptError.clientClosed }
        }
        let value = received.removeFirst()
        guard case .object(let object) = value else { throw ScriptError.unexpected(expected: "an object", got: value) }
        return object
    }

    /// The next request, which must be `command` (in band or out of band).
    @discardableResult
    func expect(_ command: String, timeout: Double = 5) throws -> JSONObject {
        let request = try readRequest(timeout: timeout)
        guard (request["execute"] ?? request["exec-oob"])?.stringValue == command else {
            throw ScriptError.unexpected(expected: command, got: .object(request))
        }
        return request
    }

    /// Answers `request` with `value`, echoing its id.
    func reply(to request: JSONObject, with value: JSONValue = .object([:])) {
        var reply = JSONObject()
        reply["return"] = value
        if let id = request["id"] { reply["id"] = id }
        send(.object(reply))
    }

    /// Answers `request` with an error of `errorClass`, echoing its id.
    func replyError(to request: JSONObject, errorClass: String = "GenericError", desc: String) {
        var reply = JSONObject()
        if let id = request["id"] { reply["id"] = id }
        reply["error"] = ["class": .string(errorClass), "desc": .string(desc)]
        send(.object(reply))
    }

    /// Greets, answers `qmp_capabilities` and returns its request.
    @discardableResult
    func negotiate(capabilities: [String] = ["oob"]) throws -> JSONObject {
        sendGreeting(capabilities: capabilities)
        let request = try expect("qmp_capabilities")
        reply(to: request)
        return request
    }

    /// Reads and discards input until the client closes; false when it
    /// did not within `timeout`.
    @discardableResult
    func waitForClientClose(timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            guard (try? readSome(waitingUpTo: deadline.timeIntervalSinceNow)) == true else { return true }
        }
        return false
    }

    /// Whether a request arrives within `timeout` (it is kept for
    /// `readRequest`).
    func requestArrives(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while received.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, (try? readSome(waitingUpTo: remaining)) == true else { return false }
        }
        return true
    }

    /// How many bytes the client sent that the peer has not read yet.
    func bytesQueued() -> Int {
        var count: Int32 = 0
        return ioctl(descriptor, UInt(FIONREAD), &count) == 0 ? Int(count) : 0
    }

    /// Closes the connection.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(descriptor)
    }

    /// Waits up to `timeout` for input and parses it; false at end of
    /// input. A timeout returns true with nothing new.
    private func readSome(waitingUpTo timeout: Double) throws -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, Int32(max(1, timeout * 1000)))
        guard ready > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { receive(into: $0) }
        if count <= 0 { return false }
        for output in parser.feed(buffer[..<count]) {
            if case .success(let value) = output { received.append(value) }
        }
        return true
    }

    /// `recvmsg` into `buffer`, keeping the descriptors that come with the
    /// bytes: the count read.
    private func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let control = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: MemoryLayout<Int>.alignment)
        defer { control.deallocate() }
        var vector = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
        var message = msghdr()
        let count = withUnsafeMutablePointer(to: &vector) { vector in
            message.msg_iov = vector
            message.msg_iovlen = 1
            message.msg_control = control.baseAddress
            message.msg_controllen = control.count
            return recvmsg(descriptor, &message, Int32(MSG_CMSG_CLOEXEC))
        }
        guard count > 0, message.msg_controllen >= MemoryLayout<cmsghdr>.size else { return count }
        let header = control.load(as: cmsghdr.self)
        if header.cmsg_level == SOL_SOCKET && header.cmsg_type == Int32(SCM_RIGHTS) {
            let payload = (MemoryLayout<cmsghdr>.size + MemoryLayout<Int>.size - 1) & ~(MemoryLayout<Int>.size - 1)
            for offset in stride(from: payload, to: Int(header.cmsg_len), by: MemoryLayout<Int32>.size) {
                receivedDescriptors.append(control.load(fromByteOffset: offset, as: Int32.self))
            }
        }
        return count
    }
}
