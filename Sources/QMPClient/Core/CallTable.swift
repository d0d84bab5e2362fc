/// Which calls are on the wire, by id, and which wait for a slot, in
/// order.
///
/// At most `limit` in-band calls are on the wire (QEMU queues 8 and stops
/// reading beyond that); more wait here, first come first served.
/// Out-of-band calls never wait. A call that times out or is cancelled
/// leaves at once, freeing its slot, whether or not the server answered.
struct CallTable {
    private let limit: Int
    private var lastID: Int64 = 0
    private var onWire: [Int64: Call] = [:]
    private var wireIDs: [ObjectIdentifier: Int64] = [:]
    /// Calls waiting for a slot, oldest first from `waitingStart`; calls
    /// that left meanwhile stay until reached and are skipped then.
    private var waiting: [Call] = []
    private var waitingStart = 0
    private var stillWaiting: Set<ObjectIdentifier> = []
    /// In-band calls on the wire.
    private var inBandOnWire = 0

    /// A table that lets `limit` in-band calls (at least one) on the wire.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The calls on the wire, in-band and out-of-band.
    var onWireCount: Int { onWire.count }

    /// The calls waiting for a slot.
    var waitingCount: Int { stillWaiting.count }

    /// Admits `call`: the id it goes out with now, or nil when it waits.
    mutating func admit(_ call: Call) -> Int64? {
        if call.isOutOfBand || (inBandOnWire < limit && stillWaiting.isEmpty) {
            return putOnWire(call)
        }
        waiting.append(call)
        stillWaiting.insert(ObjectIdentifier(call))
        return nil
    }

    /// Takes the call that reply `id` answers; nil for an id no call on the
    /// wire has (unknown, stale, or answered already).
    mutating func take(id: Int64) -> Call? {
        guard let call = onWire.removeValue(forKey: id) else { return nil }
        wireIDs[ObjectIdentifier(call)] = nil
        if !call.isOutOfBand { inBandOnWire -= 1 }
        return call
    }

    /// Forgets `call`, wherever it is (a timeout or a cancellation).
    mutating func remove(_ call: Call) {
        let key = ObjectIdentifier(call)
        if stillWaiting.remove(key) != nil { return }
        guard let id = wireIDs.removeValue(forKey: key) else { return }
        onWire[id] = nil
        if !call.isOutOfBand { inBandOnWire -= 1 }
    }

    /// Moves waiting calls onto the wire while slots are free: the calls,
    /// oldest first, with their ids.
    mutating func promote() -> [(call: Call, id: Int64)] {
        var promoted: [(call: Call, id: Int64)] = []
        while inBandOnWire < limit && waitingStart < waiting.count {
            let call = waiting[waitingStart]
            waitingStart += 1
            guard stillWaiting.remove(ObjectIdentifier(call)) != nil else { continue }
            promoted.append((call, putOnWire(call)))
        }
        if waitingStart == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingStart = 0
        } else if waitingStart > 64 && waitingStart * 2 > waiting.count {
            waiting.removeFirst(waitingStart)
            waitingStart = 0
        }
        return promoted
    }

    /// Takes every call, on the wire and waiting.
    mutating func removeAll() -> [Call] {
        let calls =
            Array(onWire.values) + waiting[waitingStart...].filter { stillWaiting.contains(ObjectIdentifier($0)) }
        onWire = [:]
        wireIDs = [:]
        waiting = []
        waitingStart = 0
        stillWaiting = []
        inBandOnWire = 0
        return calls
    }

    private mutating func putOnWire(_ call: Call) -> Int64 {
        lastID += 1
        onWire[lastID] = call
        wireIDs[ObjectIdentifier(call)] = lastID
        if !call.isOutOfBand { inBandOnWire += 1 }
        return lastID
    }
}
