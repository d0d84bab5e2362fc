import Dispatch
import QAPIRuntime

/// A chardev that keeps the latest output in a ring buffer (QEMU's
/// `ringbuf` backend), for `ringbuf-write` and `ringbuf-read`.
///
/// It is open from creation: an attached frontend is told so on the I/O
/// queue. It never receives input; its frontend's output goes into the ring.
public final class RingbufChardev: Chardev, ChardevLinkTarget {
    /// QEMU's ring size when none is given.
    public static let defaultSize = 65536

    /// The chardev's id.
    public let id: String
    /// ``ChardevDriverKind/ringbuf``, or ``ChardevDriverKind/memory``
    /// for a ring made under that name.
    public let backend: ChardevDriverKind
    /// The backend's name: `ringbuf` or `memory` (spec C5).
    public var filename: String { backend.rawValue }
    /// `ringbuf` does not support the monitor I/O thread (spec G2).
    public var supportsIOThread: Bool { false }
    /// The ring's capacity in bytes.
    public let size: Int

    private let queue: DispatchQueue
    private let state: QAPILock<(slot: FrontendSlot, ring: RingBuffer)>

    /// A ring of `size` bytes, reported as backend `kind` (`.ringbuf` or
    /// `.memory`); QEMU's error unless `size` is 0 or a power of two.
    init(id: String, size: Int?, kind: ChardevDriverKind, queue: DispatchQueue) throws(ChardevError) {
        let size = size ?? Self.defaultSize
        guard size >= 0, size & (size &- 1) == 0 else {
            throw .backend("size of ringbuf chardev must be power of two")
        }
        self.id = id
        self.size = size
        backend = kind
        self.queue = queue
        state = QAPILock((FrontendSlot(), RingBuffer(capacity: size)))
    }

    /// How many bytes the ring holds.
    public var count: Int { state.withLock { $0.ring.count } }

    /// Appends `bytes` (`ringbuf-write`), overwriting the oldest when full.
    public func write(_ bytes: [UInt8]) {
        state.withLock { $0.ring.write(bytes) }
    }

    /// Removes and returns up to `maxCount` of the oldest bytes
    /// (`ringbuf-read`); formatting them is the caller's business.
    public func read(maxCount: Int) -> [UInt8] {
        state.withLock { $0.ring.read(maxCount: maxCount) }
    }

    /// Whether a frontend is attached.
    public var isBusy: Bool { state.withLock { $0.slot.link != nil } }

    /// True while a frontend is attached.
    public var frontendOpen: Bool { isBusy }

    /// Attaches `frontend` and tells it, on the I/O queue, that the chardev is open.
    public func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        let link = try state.withLock { state throws(ChardevError) in
            try state.slot.attach(frontend, to: self, chardevID: id)
        }
        queue.async { [weak self] in
            if let event = self?.state.withLock({ $0.slot.nextAnnouncement(open: 0) }) { _ = event.deliver() }
        }
        return link
    }

    /// Marks the chardev closed; it has no descriptors.
    public func close() throws(ChardevError) {
        _ = try state.withLock { state throws(ChardevError) in try state.slot.close(chardevID: id) }
    }

    func write(_ bytes: [UInt8], from link: ChardevLink) {
        state.withLock { state in
            if state.slot.holds(link) { state.ring.write(bytes) }
        }
    }

    func setReadingPaused(_ paused: Bool, from link: ChardevLink) {}

    func resumeReadingNow(from link: ChardevLink) {}

    func closeConnection(afterFlush: Bool, from link: ChardevLink) {}

    func detach(_ link: ChardevLink) {
        _ = state.withLock { $0.slot.detach(link) }
    }
}
