import Dispatch
import QAPIRuntime
import QMPReactor

/// A connected non-blocking socket and its two readiness watches (see
/// QMPReactor's `IOWatch`): one for reading, on unless input must wait,
/// and one for
/// writing, on only while output waits for room. No thread is dedicated
/// to it: its handlers run on a serial queue that borrows threads from
/// Dispatch's shared pool.
///
/// The descriptor is closed once both watches are cancelled and their
/// cancel handlers have run; `closed` is settled then.
final class SocketChannel: Sendable {
    private struct Watches {
        var reader: IOWatch?
        var writer: IOWatch?
        /// Watches whose cancel handler has not run yet.
        var live = 0
        var isCancelled = false
    }

    /// The socket.
    let descriptor: Int32
    /// The serial queue all handlers run on.
    let queue: DispatchQueue
    /// Settled once the descriptor is closed.
    let closed = OneShot<Void>()
    private let watches = QAPILock(Watches())

    /// A channel for the connected socket `descriptor`, which it owns.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        // A shared, non-overcommitting target: a thousand connections with
        // input ready at once still share a few threads.
        queue = DispatchQueue(label: "QMPClient.connection", target: .global())
    }

    /// Starts watching: `onReadable` runs whenever input is ready,
    /// `onWritable` when the socket has room while the write watch is on.
    func start(onReadable: @escaping @Sendable () -> Void, onWritable: @escaping @Sendable () -> Void) {
        watches.withLock { watches in
            guard !watches.isCancelled else { return }
            var reader = IOWatch.reading(
                descriptor, queue: queue, onEvent: onReadable, onCancel: { [self] in watchEnded() })
            watches.writer = IOWatch.writing(
                descriptor, queue: queue, onEvent: onWritable, onCancel: { [self] in watchEnded() })
            watches.live = 2
            reader.turnOn()
            watches.reader = reader
        }
    }

    /// Turns the read watch on (the default) or off (input waits in the
    /// socket).
    func watchReadability(_ on: Bool) {
        watches.withLock { watches in
            if on { watches.reader?.turnOn() } else { watches.reader?.turnOff() }
        }
    }

    /// Turns the write watch on (output waits for room) or off.
    func watchWritability(_ on: Bool) {
        watches.withLock { watches in
            if on { watches.writer?.turnOn() } else { watches.writer?.turnOff() }
        }
    }

    /// Stops watching and closes the socket once both watches have let go
    /// of it. Safe to call more than once.
    func cancel() {
        let closeNow: Bool = watches.withLock { watches in
            guard !watches.isCancelled else { return false }
            watches.isCancelled = true
            guard watches.live > 0 else { return true }
            watches.reader?.cancel()
            watches.writer?.cancel()
            return false
        }
        if closeNow { closeDescriptor() }
    }

    private func watchEnded() {
        let last: Bool = watches.withLock { watches in
            watches.live -= 1
            if watches.live == 0 {
                watches.reader = nil
                watches.writer = nil
            }
            return watches.live == 0
        }
        if last { closeDescriptor() }
    }

    private func closeDescriptor() {
        POSIXSocket.close(descriptor)
        closed.settle(.success(()))
    }
}
