import QAPIRuntime

/// A chardev that discards output and never opens (QEMU's `null`
/// backend): its frontend gets no callbacks at all.
public final class NullChardev: Chardev, ChardevLinkTarget {
    /// The chardev's id.
    public let id: String
    /// Always ``ChardevDriverKind/null``.
    public var backend: ChardevDriverKind { .null }
    /// Always `null`.
    public var filename: String { "null" }
    /// `null` does not support the monitor I/O thread (spec G2).
    public var supportsIOThread: Bool { false }

    private let slot = QAPILock(FrontendSlot())

    init(id: String) {
        self.id = id
    }

    /// Whether a frontend is attached.
    public var isBusy: Bool { slot.withLock { $0.link != nil } }

    /// True while a frontend is attached.
    public var frontendOpen: Bool { isBusy }

    /// Attaches `frontend`.
    public func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        try slot.withLock { slot throws(ChardevError) in try slot.attach(frontend, to: self, chardevID: id) }
    }

    /// Marks the chardev closed; it has no descriptors.
    public func close() throws(ChardevError) {
        _ = try slot.withLock { slot throws(ChardevError) in try slot.close(chardevID: id) }
    }

    func write(_ bytes: [UInt8], from link: ChardevLink) {}

    func setReadingPaused(_ paused: Bool, from link: ChardevLink) {}

    func resumeReadingNow(from link: ChardevLink) {}

    func closeConnection(afterFlush: Bool, from link: ChardevLink) {}

    func detach(_ link: ChardevLink) {
        _ = slot.withLock { $0.detach(link) }
    }
}
