import Dispatch
import Glibc

/// A chardev on a pair of plain descriptors, one read and one written:
/// QEMU's `stdio`, `file` and `pty` backends (see
/// DescriptorChardev+Open.swift for how each is opened).
///
/// It is open from creation until its input ends; it never reopens. A
/// regular file, which epoll cannot watch, is always ready: reading it
/// to its end closes the chardev, as in QEMU. Writing to a closed pipe
/// raises `SIGPIPE`, which the process should ignore, as QEMU does.
public final class DescriptorChardev: Chardev {
    /// The chardev's id.
    public let id: String
    /// ``ChardevDriverKind/stdio``, ``ChardevDriverKind/file`` or
    /// ``ChardevDriverKind/pty``.
    public let backend: ChardevDriverKind
    /// `stdio`, `file` or `pty:PATH` (spec C5).
    public let filename: String
    /// A pty's terminal path, `/dev/pts/N`; nil for other kinds.
    public var ptyPath: String? {
        backend == .pty ? String(filename.dropFirst("pty:".count)) : nil
    }
    /// Descriptor chardevs support the monitor I/O thread (spec G2).
    public var supportsIOThread: Bool { true }

    private let engine: StreamEngine
    /// Runs once the descriptors are closed (frees the process's stdio).
    private let afterClose: (@Sendable () -> Void)?

    /// A chardev of kind `backend` reading `input` and writing `output`,
    /// which it owns and makes non-blocking.
    init(
        id: String, backend: ChardevDriverKind, filename: String, input: Int32, output: Int32,
        queue: DispatchQueue, afterClose: (@Sendable () -> Void)? = nil
    ) {
        _ = POSIX.setNonBlocking(input)
        _ = POSIX.setNonBlocking(output)
        self.id = id
        self.backend = backend
        self.filename = filename
        self.afterClose = afterClose
        engine = StreamEngine(chardevID: id, queue: queue)
        engine.open(reading: input, writing: output, isSocket: false, filename: filename)
    }

    /// Whether a frontend is attached.
    public var isBusy: Bool { engine.isBusy }

    /// True while a frontend is attached.
    public var frontendOpen: Bool { engine.isBusy }

    /// Attaches `frontend`; it is told the chardev is open unless the input has ended.
    public func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        try engine.attach(frontend)
    }

    /// Closes the descriptors.
    public func close() throws(ChardevError) {
        guard try engine.close() else { return }
        afterClose?()
    }
}
