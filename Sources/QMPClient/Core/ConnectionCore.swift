import QAPIRuntime

/// The engine of one connection: it sends requests, matches replies to
/// calls by id, hands events to subscribers, and ends everything with one
/// error when the connection ends.
///
/// Input is read on the channel's queue; requests are written by the
/// calling tasks, under the state lock, so ids go out in order. Waiters
/// are woken outside the lock.
final class ConnectionCore: Sendable {
    /// What the reading side keeps between reads (touched only on the
    /// channel's queue; the lock makes that safe to state).
    struct Inbound {
        var parser: JSONStreamParser
        let buffer: UnsafeMutableRawBufferPointer
    }

    /// The socket.
    let channel: SocketChannel
    /// Deadlines of the calls and waits with a timeout.
    let timer: DeadlineTimer
    /// The first message that is not an event: the greeting, from a QMP
    /// server.
    let greeting = OneShot<JSONValue>()
    /// The inbound message size limit.
    let maxMessageBytes: Int
    /// How many events a stream buffers before reading waits for it.
    let eventBufferLimit: Int
    /// How long reading waits for a stream whose buffer is full.
    let eventStallTimeout: Duration
    let state: QAPILock<ConnectionState>
    let inbound: QAPILock<Inbound>

    /// An engine for the connected socket `descriptor`, which it owns,
    /// with the limits of `options`.
    init(descriptor: Int32, options: QMPConnection.Options) {
        channel = SocketChannel(descriptor: descriptor)
        timer = DeadlineTimer(queue: channel.queue)
        maxMessageBytes = options.maxMessageBytes
        eventBufferLimit = max(1, options.eventBufferLimit)
        eventStallTimeout = options.eventStallTimeout
        state = QAPILock(ConnectionState(maxInFlight: options.maxInFlight))
        // Every token is at least one byte, so the byte limit bounds the
        // token count too; the nesting limit stays QEMU's.
        let limits = JSONStreamLimits(
            maxTokenBytes: options.maxMessageBytes, maxTokenCount: options.maxMessageBytes,
            maxNesting: JSONStreamLimits.qemu.maxNesting)
        inbound = QAPILock(
            Inbound(
                parser: JSONStreamParser(limits: limits),
                buffer: .allocate(byteCount: 32 << 10, alignment: 1)))
    }

    deinit {
        inbound.withLock { $0.buffer.deallocate() }
    }

    /// Starts reading.
    func start() {
        channel.start(onReadable: { [self] in readAvailable() }, onWritable: { [self] in flushOutput() })
    }

    /// Lets `exec-oob` requests through, once `oob` is negotiated.
    func enableOutOfBand() {
        state.withLock { $0.isOutOfBandEnabled = true }
    }

    /// The counts so far, and the calls held now.
    var statistics: QMPConnection.Statistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.callsOnWire = state.calls.onWireCount
            statistics.callsWaiting = state.calls.waitingCount
            return statistics
        }
    }

    /// Ends the connection for `reason` (nothing happens if it ended
    /// already).
    func close(_ reason: QMPClientError.DisconnectReason) {
        if let ending = state.withLock({ ending(because: reason, &$0) }) { carryOut(ending) }
    }

    /// Adds a subscriber that takes events until `deliver` returns false
    /// (a call waiting for an event); nil when the connection has ended,
    /// after telling the subscriber so.
    func subscribe(
        deliver: @escaping @Sendable (QMPEventMessage) -> Bool,
        end: @escaping @Sendable (QMPClientError?) -> Void
    ) -> UInt64? {
        let outcome: (token: UInt64?, endReason: QMPClientError.DisconnectReason?) = state.withLock { state in
            if let reason = state.endReason { return (nil, reason) }
            let token = state.subscribers.newToken()
            state.subscribers.add(
                EventSubscriber(
                    token: token, deliver: { deliver($0) ? .taken : .unsubscribe }, end: end, isFull: { false }))
            return (token, nil)
        }
        if let reason = outcome.endReason { end(Self.streamError(reason)) }
        return outcome.token
    }

    /// Removes the subscriber of `token`; reading goes on if only its full
    /// buffer held it up.
    func unsubscribe(_ token: UInt64) {
        let resume = state.withLock { state in
            state.subscribers.remove(token)
            return state.fullStreams.remove(token) != nil && releaseHold(&state)
        }
        if resume { resumeReading() }
    }

    /// Marks the connection ended and takes what must learn of it; nil
    /// when it had ended already.
    func ending(because reason: QMPClientError.DisconnectReason, _ state: inout ConnectionState) -> ConnectionEnding? {
        guard state.endReason == nil else { return nil }
        state.endReason = reason
        return ConnectionEnding(
            reason: reason, calls: state.calls.removeAll(), subscribers: state.subscribers.removeAll())
    }

    /// Carries out an ending, outside the lock: the socket is closed, and
    /// every call, the greeting and every subscriber get the one error.
    func carryOut(_ ending: ConnectionEnding) {
        channel.cancel()
        timer.shutDown()
        let error = QMPClientError.disconnected(ending.reason)
        greeting.settle(.failure(error))
        for call in ending.calls { call.reply.settle(.failure(error)) }
        let streamError = Self.streamError(ending.reason)
        for subscriber in ending.subscribers { subscriber.end(streamError) }
    }

    /// How event streams end for `reason`: normally after `close()`, with
    /// the error that says why otherwise.
    static func streamError(_ reason: QMPClientError.DisconnectReason) -> QMPClientError? {
        reason == .closedByClient ? nil : .disconnected(reason)
    }
}
