import QMPReactor

/// Everything a stream chardev (socket or stdio) changes as it runs,
/// guarded by the chardev's lock. The methods decide; the engine carries
/// out the frontend callbacks they return, outside the lock.
struct StreamState {
    /// The frontend and what it has been told.
    var slot = FrontendSlot()
    /// The open connection, if any.
    var connection: StreamConnection?
    /// The listening socket's watch, for a server.
    var listener: IOWatch?
    /// Whether the frontend paused input delivery.
    private(set) var readingPaused = false
    private var lastGeneration = 0

    /// A fresh connection generation.
    mutating func nextGeneration() -> Int {
        lastGeneration += 1
        return lastGeneration
    }

    /// Installs a new connection (there must be none) and stops accepting
    /// until it ends.
    mutating func open(_ newConnection: StreamConnection) {
        precondition(connection == nil, "a stream chardev has one connection at a time")
        connection = newConnection
        connection?.holdInput(readingPaused)
        listener?.turnOff()
    }

    /// Pauses or resumes input delivery. While paused, the connection
    /// reads nothing more (see ``StreamConnection/holdInput(_:)``).
    mutating func setReadingPaused(_ paused: Bool) {
        readingPaused = paused
        connection?.holdInput(paused)
    }

    /// Resumes input delivery, first reading what the peer sent while it
    /// was paused, so that the frontend gets it without a trip through
    /// the reactor. The connection still holds its input until
    /// ``matchHoldToPause()``: a frontend that pauses again as soon as it
    /// took its input (a monitor without OOB, after one request) then
    /// costs no change of the reactor's registration.
    mutating func resumeReadingNow() {
        if readingPaused, let generation = connection?.generation { read(generation) }
        readingPaused = false
    }

    /// Makes the connection hold its input exactly while reading is paused.
    func matchHoldToPause() {
        connection?.holdInput(readingPaused)
    }

    /// Reads from connection `generation`; see ``nextEvent()`` for what
    /// happens once the peer stops sending.
    mutating func read(_ generation: Int) {
        guard connection?.generation == generation, let outcome = connection?.read() else { return }
        switch outcome {
        case .received, .nothing:
            break
        case .ended:
            let peerGone = connection?.peerHasHungUp == true
            connection?.endInput(peerGone: peerGone)
        case .failed:
            dropConnection()
        }
    }

    /// Sends pending output of connection `generation`; ends the
    /// connection when the write fails, or when it drained and the
    /// frontend asked to close after the flush.
    mutating func flush(_ generation: Int) {
        guard connection?.generation == generation, let outcome = connection?.flush() else { return }
        switch outcome {
        case .drained:
            if connection?.isClosing == true { dropConnection() }
        case .pending:
            break
        case .failed:
            dropConnection()
        }
    }

    /// The next callback for the frontend: an open or close first, then
    /// buffered input (taken out of the connection until
    /// ``returnInput(_:generation:)``).
    ///
    /// Once the peer stopped sending, how the connection ends follows
    /// QEMU, which reads one byte at a time and watches for hang-up:
    /// * a peer that hung up entirely is dropped as soon as the frontend
    ///   is not taking input (paused, absent, or done), and input it did
    ///   not take is lost;
    /// * after a half-close (or the end of stdin) the frontend gets all
    ///   the input, and once it consumed it and reads on, it is told that
    ///   the input ended (once); it closes the connection when it has
    ///   answered what it read (by default at once, after the pending
    ///   output).
    mutating func nextEvent() -> ChardevEvent? {
        if let announcement = slot.nextAnnouncement(open: connection?.generation) { return announcement }
        guard let current = connection else { return nil }
        let taking = !readingPaused && slot.hasAnnounced(current.generation)
        if current.peerGone && !(taking && !current.input.isEmpty) {
            dropConnection()
            return slot.nextAnnouncement(open: nil)
        }
        guard taking, let link = slot.link else { return nil }
        if !current.input.isEmpty {
            connection?.input = ByteQueue()
            return .received(link, current.input, generation: current.generation)
        }
        guard current.inputEnded, !current.isClosing, !current.endAnnounced else { return nil }
        connection?.endAnnounced = true
        return .inputEnded(link)
    }

    /// Puts back the input the frontend did not consume, to be offered
    /// again once reading is not paused, and reads on if reading had
    /// stopped at ``StreamConnection/inputLimit``.
    mutating func returnInput(_ rest: ByteQueue, generation: Int) {
        guard connection?.generation == generation else { return }
        connection?.input = rest
        if connection?.resumeReadingIfRoom() == true { read(generation) }
    }

    /// Ends the connection: its descriptors close, its buffers are
    /// dropped, and a listening socket accepts its next client.
    mutating func dropConnection() {
        guard connection != nil else { return }
        connection?.release()
        connection = nil
        if !slot.isClosed { listener?.turnOn() }
    }

    /// Stops everything for good: the listener, then the connection.
    mutating func shutDown() {
        listener?.cancel()
        listener = nil
        dropConnection()
    }
}
