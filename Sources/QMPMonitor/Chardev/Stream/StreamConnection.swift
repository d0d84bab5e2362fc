import Dispatch
import Glibc
import QMPReactor

/// One open connection of a stream chardev: its descriptors and their
/// watches, the bytes read but not yet consumed, and the bytes written but
/// not yet sent.
///
/// Lives in the chardev's locked state. Its descriptors are non-blocking;
/// they are closed on the I/O queue once both watches are cancelled, and
/// only then does the connection leave the chardev's `descriptors` group.
struct StreamConnection {
    /// Input beyond this many unconsumed bytes is left in the kernel, which
    /// makes a fast sender wait (back-pressure).
    static let inputLimit = 64 * 1024
    /// How much one read takes.
    static let readSize = 4096

    /// What one read brought.
    enum ReadOutcome {
        /// Bytes were appended to ``input``.
        case received
        /// Nothing to read now.
        case nothing
        /// The peer will send nothing more.
        case ended
        /// The read failed; the connection is unusable.
        case failed
    }

    /// What one flush achieved.
    enum FlushOutcome {
        /// Everything written has been sent.
        case drained
        /// The peer is not reading fast enough; the rest waits.
        case pending
        /// The write failed; the connection is unusable.
        case failed
    }

    /// Tells this connection apart from the chardev's earlier ones.
    let generation: Int
    /// `query-chardev`'s filename while this connection is open.
    let filename: String
    /// Bytes read and not yet consumed by the frontend.
    var input = ByteQueue()
    /// Set once the peer has stopped sending.
    private(set) var inputEnded = false
    /// Set once the peer has hung up entirely, so nothing sent reaches it.
    private(set) var peerGone = false
    /// Set once the frontend asked to close after the pending output.
    private(set) var isClosing = false
    /// Set once the frontend was told that the input ended.
    var endAnnounced = false

    private let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let isSocket: Bool
    private var reader: IOWatch
    private var writer: IOWatch
    private var output = ByteQueue()

    /// Starts watching the descriptors (reading at once). `onReadable` and
    /// `onWritable` run on `queue`, inline on the reactor's thread (so
    /// that a request is read and run on one thread).
    init(
        reading readDescriptor: Int32, writing writeDescriptor: Int32, isSocket: Bool,
        generation: Int, filename: String, queue: DispatchQueue, descriptors: DispatchGroup,
        onReadable: @escaping @Sendable () -> Void, onWritable: @escaping @Sendable () -> Void
    ) {
        self.generation = generation
        self.filename = filename
        self.readDescriptor = readDescriptor
        self.writeDescriptor = writeDescriptor
        self.isSocket = isSocket
        let watches = DispatchGroup()
        watches.enter()
        watches.enter()
        reader = .reading(
            readDescriptor, queue: queue, inline: true, onEvent: onReadable, onCancel: { watches.leave() })
        writer = .writing(
            writeDescriptor, queue: queue, inline: true, onEvent: onWritable, onCancel: { watches.leave() })
        descriptors.enter()
        watches.notify(queue: queue) {
            Glibc.close(readDescriptor)
            if writeDescriptor != readDescriptor { Glibc.close(writeDescriptor) }
            descriptors.leave()
        }
        reader.turnOn()
    }

    /// Reads what is available, appending to ``input``, until the
    /// descriptor has nothing more or ``inputLimit`` is reached (then it
    /// stops watching for input). A read that brings less than it asked
    /// for emptied the descriptor, so it is the last: the reactor, which
    /// reports readiness for as long as it lasts, reports what arrives
    /// after it (an end of input too), and a busy connection costs one
    /// system call per read instead of two.
    mutating func read() -> ReadOutcome {
        var outcome = ReadOutcome.nothing
        let (descriptor, isSocket) = (readDescriptor, isSocket)
        while input.count < Self.inputLimit {
            let count = input.append(upTo: Self.readSize) { free in
                isSocket
                    ? recv(descriptor, free.baseAddress, free.count, 0)
                    : Glibc.read(descriptor, free.baseAddress, free.count)
            }
            let code = errno
            if count > 0 {
                outcome = .received
                if count < Self.readSize { return outcome }
            } else if count == 0 {
                return .ended
            } else if code == EAGAIN || code == EWOULDBLOCK {
                return outcome
            } else if code != EINTR {
                return .failed
            }
        }
        reader.turnOff()
        return outcome
    }

    /// While `held`, reads nothing more, as QEMU reads nothing for a
    /// suspended monitor: input waits in the kernel (where it wakes no
    /// thread), and only a hang-up is watched for, which reads what is
    /// pending and then the end. Reading on after the hold is the
    /// caller's (the reactor reports input already pending).
    func holdInput(_ held: Bool) {
        reader.watchHangUpOnly(held)
    }

    /// Records that the peer stopped sending; `peerGone` when it hung up
    /// entirely. Input already read is kept.
    mutating func endInput(peerGone: Bool) {
        inputEnded = true
        self.peerGone = peerGone
        reader.turnOff()
    }

    /// Watches for input again if there is room and the peer may send
    /// more; returns true when it was not watching, so the caller should
    /// read now rather than wait for the reactor to report what is pending.
    mutating func resumeReadingIfRoom() -> Bool {
        guard !inputEnded, input.count < Self.inputLimit, !reader.isOn else { return false }
        reader.turnOn()
        return true
    }

    /// Whether the peer closed the socket entirely (not just its sending
    /// side); never for stdio, whose end of input is only an end of input.
    var peerHasHungUp: Bool {
        isSocket && POSIX.peerHasHungUp(readDescriptor)
    }

    /// Sends `bytes` right away when nothing is pending, as far as the
    /// peer takes them, and queues the rest and watches for writability;
    /// ignored once closing. Sending at once spares the writability watch
    /// (a trip through the event loop) for every response a reading peer
    /// takes whole. A failed send leaves the bytes queued: the watch then
    /// meets the failure, and ``flush()`` reports it.
    mutating func enqueue(_ bytes: [UInt8]) {
        guard !isClosing, !bytes.isEmpty else { return }
        let sent = output.isEmpty ? bytes.withUnsafeBytes { sendAll($0) } : 0
        guard sent < bytes.count else { return }
        output.append(bytes[sent...])
        writer.turnOn()
    }

    /// Asks to close after the pending output; returns true when nothing is
    /// pending, so the connection can close at once.
    mutating func closeAfterFlush() -> Bool {
        isClosing = true
        return output.isEmpty
    }

    /// Sends as much pending output as the peer takes.
    mutating func flush() -> FlushOutcome {
        while !output.isEmpty {
            let count = output.withUnsafeBytes { send($0) }
            let code = errno
            if count > 0 {
                output.removeFirst(count)
            } else if count < 0 && (code == EAGAIN || code == EWOULDBLOCK) {
                return .pending
            } else if count == 0 || code != EINTR {
                return .failed
            }
        }
        writer.turnOff()
        return .drained
    }

    /// Sends as much of `bytes` as the peer takes now; returns how many
    /// bytes went out (fewer than all when it would block or failed).
    private func sendAll(_ bytes: UnsafeRawBufferPointer) -> Int {
        var sent = 0
        while sent < bytes.count {
            let count = send(UnsafeRawBufferPointer(rebasing: bytes[sent...]))
            if count > 0 {
                sent += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return sent
    }

    /// One `send` (sockets, without `SIGPIPE`) or `write` of `bytes`.
    private func send(_ bytes: UnsafeRawBufferPointer) -> Int {
        isSocket
            ? Glibc.send(writeDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            : Glibc.write(writeDescriptor, bytes.baseAddress, bytes.count)
    }

    /// Cancels both watches; the descriptors close right after, on the I/O queue.
    mutating func release() {
        reader.cancel()
        writer.cancel()
    }
}
