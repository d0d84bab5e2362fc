/// The user of a chardev, for example a QMP or HMP monitor (QEMU's
/// chardev frontend).
///
/// Every callback runs on the chardev's I/O queue, one at a time, and must
/// not block. A frontend sees `chardevOpened`, then any number of
/// `chardevReceived`, then `chardevClosed`, once per connection; attaching
/// while a connection is open delivers `chardevOpened` first. See
/// ``ChardevLink/detach()`` for the last callback after detaching.
public protocol ChardevFrontend: Sendable {
    /// A connection opened (a client connected, or the backend is open).
    func chardevOpened(_ link: ChardevLink)

    /// The connection closed; bytes read but not yet consumed are gone.
    func chardevClosed(_ link: ChardevLink)

    /// Bytes arrived. Returns how many leading bytes were consumed; the
    /// rest stays buffered and is offered again, first, as soon as reading
    /// is not paused. So a frontend that must stop mid-way (a monitor with
    /// a complete request) calls ``ChardevLink/pauseReading()`` before it
    /// returns. `bytes` is valid only during the call.
    func chardevReceived(_ bytes: UnsafeRawBufferPointer, on link: ChardevLink) -> Int

    /// The peer will send nothing more (it shut down its sending side, or
    /// stdin ended) and every byte it sent was consumed. The frontend
    /// closes the connection with ``ChardevLink/closeConnection(afterFlush:)``
    /// once it has answered what it read; the default closes it at once,
    /// after the output written so far.
    func chardevInputEnded(_ link: ChardevLink)
}

extension ChardevFrontend {
    /// Closes the connection after the output written so far.
    public func chardevInputEnded(_ link: ChardevLink) {
        link.closeConnection(afterFlush: true)
    }
}
