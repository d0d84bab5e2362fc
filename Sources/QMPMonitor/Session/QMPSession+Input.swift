import QAPIRuntime

extension QMPSession {
    /// What `receive(_:)` did with a chunk of input.
    public struct ReceiveResult: Sendable, Hashable {
        /// How many bytes were consumed, from the front. Keep the rest and
        /// feed it again after `.resume`.
        public var consumed: Int
        /// The actions to carry out, in order.
        public var actions: [QMPSessionAction]

        /// A result from its parts.
        public init(consumed: Int, actions: [QMPSessionAction]) {
            self.consumed = consumed
            self.actions = actions
        }
    }

    /// Feeds bytes from the client (spec T6, J9): parses as many as it may
    /// and stops right after the byte that made it suspend (spec Q1, Q2),
    /// so that no request is read early. Any split of the same bytes gives
    /// the same actions, given the same calls in between.
    ///
    /// Without a live connection the bytes are discarded: all consumed,
    /// no action.
    public mutating func receive(_ bytes: UnsafeRawBufferPointer) -> ReceiveResult {
        guard isLive else { return ReceiveResult(consumed: bytes.count, actions: []) }
        var actions: [QMPSessionAction] = []
        var consumed = 0
        var outputs: [JSONStreamParser.Output] = []
        while consumed < bytes.count && !isSuspended {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[consumed...])
            consumed += parser.consume(rest, stopAfterResult: true) { outputs.append($0) }
            for output in outputs { accept(output, &actions) }
            outputs.removeAll(keepingCapacity: true)
        }
        return ReceiveResult(consumed: consumed, actions: actions)
    }

    /// Feeds bytes from the client; see `receive(_:)` for raw buffers.
    public mutating func receive<Bytes: Collection>(_ bytes: Bytes) -> ReceiveResult
    where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ receive(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { receive($0) }
    }

    /// The response to a `.runOutOfBand` request, nil for none (spec
    /// R10). Dropped when the connection is no longer live.
    public mutating func finishOutOfBand(_ response: QMPResponse?) -> [QMPSessionAction] {
        guard isLive, let response else { return [] }
        return [.write(message(response))]
    }

    /// Takes one parser result: an out-of-band request runs at once (spec
    /// O2), anything else is queued in-band (spec J10).
    private mutating func accept(_ output: JSONStreamParser.Output, _ actions: inout [QMPSessionAction]) {
        switch output {
        case .success(let value) where QMPRequest.isOutOfBand(value):
            do {
                actions.append(.runOutOfBand(try QMPRequest(value, oobEnabled: isOOBEnabled)))
            } catch {
                actions.append(.write(message(error.response)))
            }
        case .success(let value):
            enqueue(.message(value), &actions)
        case .failure(let error):
            enqueue(.parseError(error), &actions)
        }
    }

    private mutating func enqueue(_ item: QueuedItem, _ actions: inout [QMPSessionAction]) {
        queue.append(item)
        actions.append(.requestReady)
        updateSuspension(&actions)
    }
}
