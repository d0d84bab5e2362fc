import Dispatch
import QAPIRuntime

/// A connected non-blocking socket watched by Dispatch sources: one for
/// reading, always on, and one for writing, on only while output waits
/// for room. No thread is dedicated to it: its handlers run on a serial
/// queue that borrows threads from Dispatch's shared pool.
///
/// The descriptor is closed once both sources are cancelled, as Dispatch
/// requires; `closed` is settled then.
final class SocketChannel: Sendable {
    /// Where a watch stands; a suspended or never-activated source must be
    /// resumed or activated for its cancel handler to run.
    private enum WatchState {
        case inactive, running, suspended, cancelled
    }

    private struct Sources {
        var reader: (any DispatchSourceRead)?
        var writer: (any DispatchSourceWrite)?
        var writerState = WatchState.inactive
        /// Sources whose cancel handler has not run yet.
        var live = 0
        var isCancelled = false
    }

    /// The socket.
    let descriptor: Int32
    /// The serial queue all handlers run on.
    let queue: DispatchQueue
    /// Settled once the descriptor is closed.
    let closed = OneShot<Void>()
    private let sources = QAPILock(Sources())

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
        sources.withLock { sources in
            guard !sources.isCancelled else { return }
            let reader = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            let writer = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
            reader.setEventHandler(handler: onReadable)
            writer.setEventHandler(handler: onWritable)
            reader.setCancelHandler { [self] in sourceEnded() }
            writer.setCancelHandler { [self] in sourceEnded() }
            sources.reader = reader
            sources.writer = writer
            sources.live = 2
            reader.activate()
        }
    }

    /// Turns the write watch on (output waits for room) or off.
    func watchWritability(_ on: Bool) {
        sources.withLock { sources in
            guard let writer = sources.writer else { return }
            switch (sources.writerState, on) {
            case (.inactive, true):
                writer.activate()
                sources.writerState = .running
            case (.suspended, true):
                writer.resume()
                sources.writerState = .running
            case (.running, false):
                writer.suspend()
                sources.writerState = .suspended
            default:
                break
            }
        }
    }

    /// Stops watching and closes the socket once Dispatch lets go of it.
    /// Safe to call more than once.
    func cancel() {
        let closeNow: Bool = sources.withLock { sources in
            guard !sources.isCancelled else { return false }
            sources.isCancelled = true
            guard let reader = sources.reader, let writer = sources.writer else { return true }
            reader.cancel()
            writer.cancel()
            switch sources.writerState {
            case .inactive: writer.activate()
            case .suspended: writer.resume()
            case .running, .cancelled: break
            }
            sources.writerState = .cancelled
            return false
        }
        if closeNow { closeDescriptor() }
    }

    private func sourceEnded() {
        let last: Bool = sources.withLock { sources in
            sources.live -= 1
            if sources.live == 0 {
                sources.reader = nil
                sources.writer = nil
            }
            return sources.live == 0
        }
        if last { closeDescriptor() }
    }

    private func closeDescriptor() {
        POSIXSocket.close(descriptor)
        closed.settle(.success(()))
    }
}
