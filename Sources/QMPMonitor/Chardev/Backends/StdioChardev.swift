import Dispatch
import Glibc
import Synchronization

/// A chardev on the process's standard input and output (QEMU's `stdio`
/// backend).
///
/// It is open from creation until standard input ends; it never reopens.
/// It reads and writes duplicates of the descriptors, made non-blocking;
/// `O_NONBLOCK` is shared with descriptors 0 and 1 themselves, so nothing
/// else in the process should read stdin or write stdout. Writing to a
/// closed pipe raises `SIGPIPE`, which the process should ignore, as QEMU
/// does.
public final class StdioChardev: Chardev {
    /// Whether a chardev holds the process's stdio; QEMU allows one.
    private static let processStdioTaken = Atomic(false)

    /// The chardev's id.
    public let id: String
    /// Always ``ChardevDriverKind/stdio``.
    public var backend: ChardevDriverKind { .stdio }
    /// Always `stdio`.
    public var filename: String { "stdio" }
    /// Stdio supports the monitor I/O thread (spec G2).
    public var supportsIOThread: Bool { true }

    private let engine: StreamEngine
    /// Whether this chardev holds the process's stdio (and frees it at close).
    private let holdsProcessStdio: Bool

    /// A chardev reading `input` and writing `output` (duplicated; the
    /// originals stay open and untouched apart from `O_NONBLOCK`).
    init(
        id: String, input: Int32, output: Int32, queue: DispatchQueue, holdsProcessStdio: Bool = false
    ) throws(ChardevError) {
        let readDescriptor = try POSIX.duplicate(input)
        let writeDescriptor: Int32
        do {
            writeDescriptor = try POSIX.duplicate(output)
        } catch {
            Glibc.close(readDescriptor)
            throw error
        }
        _ = POSIX.setNonBlocking(readDescriptor)
        _ = POSIX.setNonBlocking(writeDescriptor)
        self.id = id
        self.holdsProcessStdio = holdsProcessStdio
        engine = StreamEngine(chardevID: id, queue: queue)
        engine.open(reading: readDescriptor, writing: writeDescriptor, isSocket: false, filename: "stdio")
    }

    /// The chardev on descriptors 0 and 1; fails while another chardev
    /// holds them, with QEMU's text.
    static func openProcessStdio(id: String, queue: DispatchQueue) throws(ChardevError) -> StdioChardev {
        guard
            processStdioTaken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
                .exchanged
        else { throw .backend("cannot use stdio by multiple character devices") }
        do {
            return try StdioChardev(
                id: id, input: STDIN_FILENO, output: STDOUT_FILENO, queue: queue, holdsProcessStdio: true)
        } catch {
            processStdioTaken.store(false, ordering: .releasing)
            throw error
        }
    }

    /// Whether a frontend is attached.
    public var isBusy: Bool { engine.isBusy }

    /// True while a frontend is attached.
    public var frontendOpen: Bool { engine.isBusy }

    /// Attaches `frontend`; it is told the chardev is open unless stdin has ended.
    public func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        try engine.attach(frontend)
    }

    /// Closes the duplicated descriptors.
    public func close() throws(ChardevError) {
        guard try engine.close() else { return }
        if holdsProcessStdio { Self.processStdioTaken.store(false, ordering: .releasing) }
    }
}
