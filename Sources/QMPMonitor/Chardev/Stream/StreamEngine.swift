import Dispatch
import Glibc
import QAPIRuntime

/// The running part of a stream chardev (socket or stdio): one connection
/// at a time, accepted from a listening socket or given at creation; the
/// frontend link; input delivery with pause and resume; buffered output.
///
/// All state sits behind one lock, so every entry point is safe from any
/// thread. Descriptors are read only by handlers on the I/O queue, and
/// written under the lock: at once by ``write(_:from:)`` when no output
/// is pending, otherwise by the writability handler on the I/O queue. A
/// descriptor closes only after its connection left the state, so one
/// written under the lock is open. Frontend callbacks run on the I/O
/// queue, outside the lock.
final class StreamEngine: ChardevLinkTarget {
    /// The owning chardev's id.
    let chardevID: String
    /// The I/O queue: every I/O watch handler and frontend callback runs on it.
    let queue: DispatchQueue
    /// One member per open descriptor set; empty once everything is closed.
    private let descriptors = DispatchGroup()
    private let state = QAPILock(StreamState())

    /// An engine with nothing open yet.
    init(chardevID: String, queue: DispatchQueue) {
        self.chardevID = chardevID
        self.queue = queue
    }

    /// A safety net for an engine dropped without ``close()``: its
    /// sources are cancelled, so its descriptors still close.
    deinit {
        state.withLock { $0.shutDown() }
    }

    /// Serves clients of the listening socket `descriptor`, one at a time;
    /// `describe` gives `query-chardev`'s filename for an accepted client.
    func listen(on descriptor: Int32, describe: @escaping @Sendable (Int32) -> String) {
        descriptors.enter()
        let release = descriptors
        state.withLock { state in
            state.listener = .reading(
                descriptor, queue: queue, inline: true,
                onEvent: { [weak self] in self?.acceptClient(from: descriptor, describe: describe) },
                onCancel: {
                    Glibc.close(descriptor)
                    release.leave()
                })
            state.listener?.turnOn()
        }
    }

    /// Starts with an open connection on the given descriptors, and reads
    /// once right away, so that input already waiting (or the end of a
    /// stdin on `/dev/null`) is taken without a trip through the reactor.
    func open(reading readDescriptor: Int32, writing writeDescriptor: Int32, isSocket: Bool, filename: String) {
        let generation = state.withLock { state in
            let generation = state.nextGeneration()
            state.open(
                makeConnection(
                    reading: readDescriptor, writing: writeDescriptor, isSocket: isSocket,
                    generation: generation, filename: filename))
            return generation
        }
        queue.async { [weak self] in self?.handle { $0.read(generation) } }
    }

    /// The open connection's filename, or nil without a connection.
    var connectionFilename: String? {
        state.withLock { $0.connection?.filename }
    }

    /// Whether a frontend is attached.
    var isBusy: Bool {
        state.withLock { $0.slot.link != nil }
    }

    /// Attaches `frontend`; an open connection is announced to it on the I/O queue.
    func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        let link = try state.withLock { state throws(ChardevError) in
            state.setReadingPaused(false)
            return try state.slot.attach(frontend, to: self, chardevID: chardevID)
        }
        schedulePump()
        return link
    }

    /// Closes everything and waits until every descriptor is closed.
    /// Returns false when the engine was closed already.
    func close() throws(ChardevError) -> Bool {
        dispatchPrecondition(condition: .notOnQueue(queue))
        let closing = try state.withLock { state throws(ChardevError) in
            let closing = try state.slot.close(chardevID: chardevID)
            state.shutDown()
            return closing
        }
        descriptors.wait()
        return closing
    }

    /// Ends the open connection at once, whoever the frontend is; the
    /// frontend is told it closed (yank, spec Y2).
    func dropConnection() {
        let dropped = state.withLock { state in
            guard state.connection != nil else { return false }
            state.dropConnection()
            return true
        }
        if dropped { schedulePump() }
    }

    // MARK: ChardevLinkTarget

    func write(_ bytes: [UInt8], from link: ChardevLink) {
        state.withLock { state in
            guard state.slot.holds(link) else { return }
            state.connection?.enqueue(bytes)
        }
    }

    func setReadingPaused(_ paused: Bool, from link: ChardevLink) {
        let resumed = state.withLock { state in
            guard state.slot.holds(link) else { return false }
            state.setReadingPaused(paused)
            return !paused
        }
        if resumed { schedulePump() }
    }

    func resumeReadingNow(from link: ChardevLink) {
        dispatchPrecondition(condition: .onQueue(queue))
        let resumed = state.withLock { state in
            guard state.slot.holds(link) else { return false }
            state.resumeReadingNow()
            return true
        }
        guard resumed else { return }
        pump()
        state.withLock { $0.matchHoldToPause() }
    }

    func closeConnection(afterFlush: Bool, from link: ChardevLink) {
        let dropped = state.withLock { state in
            guard state.slot.holds(link), state.connection != nil else { return false }
            if afterFlush && state.connection?.closeAfterFlush() == false { return false }
            state.dropConnection()
            return true
        }
        if dropped { schedulePump() }
    }

    func detach(_ link: ChardevLink) {
        state.withLock { state in
            if state.slot.detach(link) { state.setReadingPaused(false) }
        }
    }

    // MARK: I/O queue handlers

    private func makeConnection(
        reading readDescriptor: Int32, writing writeDescriptor: Int32, isSocket: Bool,
        generation: Int, filename: String
    ) -> StreamConnection {
        StreamConnection(
            reading: readDescriptor, writing: writeDescriptor, isSocket: isSocket,
            generation: generation, filename: filename, queue: queue, descriptors: descriptors,
            onReadable: { [weak self] in self?.handle { $0.read(generation) } },
            onWritable: { [weak self] in self?.handle { $0.flush(generation) } })
    }

    private func acceptClient(from listener: Int32, describe: (Int32) -> String) {
        handle { state in
            guard !state.slot.isClosed, state.connection == nil else { return }
            guard let client = POSIX.accept(from: listener) else { return }
            let generation = state.nextGeneration()
            state.open(
                makeConnection(
                    reading: client, writing: client, isSocket: true,
                    generation: generation, filename: describe(client)))
        }
    }

    /// Runs `change` under the lock, then brings the frontend up to date.
    private func handle(_ change: (inout StreamState) -> Void) {
        state.withLock { change(&$0) }
        pump()
    }

    private func schedulePump() {
        queue.async { [weak self] in self?.pump() }
    }

    /// Delivers pending callbacks (opens and closes, then input) until
    /// there are none. Runs on the I/O queue only, so deliveries never
    /// overlap; a frontend's calls back into the engine only change state
    /// or schedule another pump.
    private func pump() {
        while let event = state.withLock({ $0.nextEvent() }) {
            let generation = event.inputGeneration
            if let rest = event.deliver(), let generation {
                state.withLock { $0.returnInput(rest, generation: generation) }
            }
        }
    }
}
