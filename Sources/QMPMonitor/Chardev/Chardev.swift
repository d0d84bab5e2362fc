/// A character device: the byte channel a monitor talks through (QEMU's
/// `Chardev`).
///
/// A chardev has at most one frontend, attached with ``attach(_:)``. Every
/// call is safe from any thread. Frontend callbacks run on the chardev's
/// I/O queue (see ``ChardevFrontend``). Chardevs are made and owned by a
/// ``ChardevRegistry``.
public protocol Chardev: AnyObject, Sendable {
    /// The chardev's id (QEMU's label).
    var id: String { get }
    /// Which backend the chardev uses.
    var backend: ChardevDriverKind { get }
    /// The `filename` that `query-chardev` reports, for example `ringbuf`
    /// or `disconnected:unix:/tmp/qmp.sock,server=on`.
    var filename: String { get }
    /// Whether a monitor on this chardev may run in the monitor I/O
    /// thread and so offer the `oob` capability (spec G2).
    var supportsIOThread: Bool { get }
    /// Whether a frontend is attached; a busy chardev cannot be removed.
    var isBusy: Bool { get }
    /// `query-chardev`'s `frontend-open`: true while a frontend is
    /// attached, since frontends open the chardev when they attach.
    var frontendOpen: Bool { get }

    /// Attaches `frontend` and returns the link it uses to write, pause
    /// and close. Fails with `chardev 'ID' is already in use` when another
    /// frontend is attached.
    func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink

    /// Closes every descriptor and cancels every I/O watch; a
    /// listening unix socket's path is unlinked. Fails with
    /// `Chardev 'ID' is busy` while a frontend is attached. Returns once
    /// every descriptor is closed, so it must not be called on the I/O
    /// queue. Closing twice does nothing.
    func close() throws(ChardevError)
}

/// The backend kinds this implementation provides (QEMU's
/// `ChardevBackendKind` names).
public enum ChardevDriverKind: String, Sendable, Hashable, CaseIterable {
    /// Discards output and never opens.
    case null = "null"
    /// Keeps the latest output in a ring buffer.
    case ringbuf = "ringbuf"
    /// A ring buffer under QEMU's older name, which it reports as its
    /// filename (spec C5).
    case memory = "memory"
    /// A unix or TCP socket, listening or connecting.
    case socket = "socket"
    /// The process's standard input and output.
    case stdio = "stdio"
    /// Files: one written, one read (optional).
    case file = "file"
    /// A pseudo-terminal.
    case pty = "pty"
}
