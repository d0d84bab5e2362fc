/// The tie between a chardev and its frontend (QEMU's `CharBackend`): the
/// frontend writes, pauses, resumes, closes the connection and detaches
/// through it.
///
/// Every method is safe from any thread and never blocks. Once the link is
/// detached (or its chardev is gone) every method does nothing, so a stale
/// frontend can never write to the next frontend's client.
public final class ChardevLink: Sendable {
    /// The id of the chardev this link attaches to.
    public let chardevID: String
    /// The frontend that receives the chardev's callbacks.
    let frontend: any ChardevFrontend
    /// The chardev; weak, because the frontend usually keeps its link.
    private weak let target: (any ChardevLinkTarget)?

    init(chardevID: String, frontend: any ChardevFrontend, target: any ChardevLinkTarget) {
        self.chardevID = chardevID
        self.frontend = frontend
        self.target = target
    }

    /// Sends `bytes` on the current connection, in order after earlier
    /// writes, and returns at once: what the peer does not take now is
    /// queued, and the I/O queue sends it as the peer reads. Without a
    /// connection the bytes are dropped, as QEMU drops them.
    public func write(_ bytes: [UInt8]) {
        target?.write(bytes, from: self)
    }

    /// Stops delivering received bytes. Bytes already read stay buffered
    /// and are delivered, in order, after ``resumeReading()``.
    public func pauseReading() {
        target?.setReadingPaused(true, from: self)
    }

    /// Delivers buffered bytes again, and reads on.
    public func resumeReading() {
        target?.setReadingPaused(false, from: self)
    }

    /// Like ``resumeReading()``, but the bytes already buffered are
    /// delivered before it returns, not in a later turn of the I/O queue.
    /// On the I/O queue only, and never from inside one of this chardev's
    /// callbacks (a delivery must not start inside another).
    func resumeReadingNow() {
        target?.resumeReadingNow(from: self)
    }

    /// Closes the current connection: with `afterFlush`, once every byte
    /// written so far has been sent (bytes written after this call are
    /// dropped); otherwise at once, dropping unsent output. A listening
    /// socket then serves its next client. Does nothing without a
    /// connection, and for backends that cannot close one.
    public func closeConnection(afterFlush: Bool = true) {
        target?.closeConnection(afterFlush: afterFlush, from: self)
    }

    /// Detaches the frontend and frees the chardev for another one. The
    /// connection stays open, and output already written is still sent.
    /// No callback is computed for this frontend afterwards; one the I/O
    /// queue had already taken may still arrive, so a caller on another
    /// thread that must be sure waits with `ioQueue.sync {}`.
    public func detach() {
        target?.detach(self)
    }
}

/// What a link forwards to: the chardev's side of the link. Each method
/// ignores a link that is not the chardev's current one.
protocol ChardevLinkTarget: AnyObject, Sendable {
    /// Queues `bytes` for output.
    func write(_ bytes: [UInt8], from link: ChardevLink)
    /// Pauses or resumes input delivery.
    func setReadingPaused(_ paused: Bool, from link: ChardevLink)
    /// Resumes input delivery and delivers buffered input at once; on the
    /// I/O queue, outside the chardev's callbacks.
    func resumeReadingNow(from link: ChardevLink)
    /// Closes the current connection, after flushing or at once.
    func closeConnection(afterFlush: Bool, from link: ChardevLink)
    /// Detaches the link's frontend.
    func detach(_ link: ChardevLink)
}
