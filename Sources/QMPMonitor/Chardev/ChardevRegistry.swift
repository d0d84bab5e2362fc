import Dispatch
import QAPIRuntime

/// The chardevs by id (QEMU's global chardev set, shared by every monitor).
///
/// Safe from any thread. ``add(id:backend:)`` and ``remove(id:)`` open
/// and close descriptors synchronously, so call them from the dispatcher
/// or start-up code, never from the I/O queue.
public final class ChardevRegistry: Sendable {
    /// The I/O queue every chardev's sources and frontend callbacks run on.
    public let ioQueue: DispatchQueue
    /// The chardevs in creation order.
    private let entries = QAPILock<[any Chardev]>([])
    /// Held through a whole add or remove, which may wait for the I/O
    /// queue, so that lookups (`entries`) never wait behind them.
    private let changes = QAPILock(())

    /// An empty registry whose chardevs run on `ioQueue`, a serial queue.
    public init(ioQueue: DispatchQueue) {
        self.ioQueue = ioQueue
    }

    /// Opens a chardev (spec C1, C2). A taken id is reported first, before
    /// the backend is looked at; a backend error leaves nothing behind.
    @discardableResult
    public func add(id: String, backend: ChardevDriver) throws(ChardevError) -> any Chardev {
        try changes.withLock { _ throws(ChardevError) in
            guard chardev(id: id) == nil else { throw .duplicateID(id) }
            let chardev = try backend.open(id: id, queue: ioQueue)
            entries.withLock { $0.append(chardev) }
            return chardev
        }
    }

    /// Closes and forgets chardev `id` (spec C4): `Chardev 'ID' not found`
    /// when unknown, `Chardev 'ID' is busy` while it has a frontend.
    /// Returns once its descriptors are closed.
    public func remove(id: String) throws(ChardevError) {
        try changes.withLock { _ throws(ChardevError) in
            guard let chardev = chardev(id: id) else { throw .notFound(id) }
            try chardev.close()
            entries.withLock { $0.removeAll { $0 === chardev } }
        }
    }

    /// The chardev with id `id`, if any.
    public func chardev(id: String) -> (any Chardev)? {
        entries.withLock { entries in entries.first { $0.id == id } }
    }

    /// Every chardev, in creation order.
    public var chardevs: [any Chardev] {
        entries.withLock { $0 }
    }
}
