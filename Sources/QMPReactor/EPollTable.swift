#if os(Linux)
import CEPoll
import Dispatch
import Glibc

/// One watch's handlers and queue.
struct EPollWatch: Sendable {
    /// Where the handlers run.
    let queue: DispatchQueue
    /// Whether the reactor thread runs `onEvent` itself, inside `queue`.
    let inline: Bool
    /// Runs at each readiness while the watch is on.
    let onEvent: @Sendable () -> Void
    /// Runs once after the watch is cancelled and unregistered.
    let onCancel: @Sendable () -> Void
}

/// A readiness to hand to a watch's queue.
struct EPollDelivery {
    /// The watched descriptor.
    let descriptor: Int32
    /// Which of its watches is ready.
    let direction: EPollReactor.Direction
    /// The watch.
    let watch: EPollWatch
}

/// What follows a handler's return.
enum EPollAfterDelivery {
    /// Nothing now (the registration is armed again, or the watch is off).
    case none
    /// Deliver these (a descriptor epoll refuses is always ready).
    case again([EPollDelivery])
    /// The watch was cancelled meanwhile: run its cancel handler.
    case cancelled(EPollWatch)
}

/// The reactor's registrations, guarded by its lock; every epoll call
/// on a registration is made here, under that lock, while the watch's
/// owner still holds the descriptor open (it closes it only in the
/// cancel handler).
struct EPollTable {
    /// One watch's run state.
    private struct Slot {
        let watch: EPollWatch
        var isOn = false
        var isDelivering = false
        var isCancelled = false
        /// For a reading watch: wait for the peer's hang-up only, not
        /// for input (``EPollReactor/watchHangUpOnly(_:_:)``).
        var hangUpOnly = false

        /// Whether a readiness should be waited for and delivered.
        var wantsReadiness: Bool { isOn && !isDelivering && !isCancelled }
    }

    /// One descriptor's registration and watches.
    private struct Entry {
        /// What the kernel holds for this registration.
        let token: UInt64
        var registered = false
        /// The events the registration is armed for; 0 once a readiness
        /// disarmed it.
        var armedEvents: UInt32 = 0
        /// False once epoll refused the descriptor: it is always ready.
        var pollable = true
        var reader: Slot?
        var writer: Slot?

        subscript(direction: EPollReactor.Direction) -> Slot? {
            get { direction == .reading ? reader : writer }
            set {
                if direction == .reading { reader = newValue } else { writer = newValue }
            }
        }

        /// The epoll events the idle, on watches wait for.
        var wantedEvents: UInt32 {
            var events: UInt32 = 0
            if let reader, reader.wantsReadiness {
                events |= reader.hangUpOnly ? EPOLLRDHUP.rawValue : EPOLLIN.rawValue
            }
            if writer?.wantsReadiness == true { events |= EPOLLOUT.rawValue }
            return events
        }
    }

    private var entries: [Int32: Entry] = [:]
    private var descriptorsByToken: [UInt64: Int32] = [:]
    private var lastToken: UInt64 = 0

    /// Adds an off watch; a descriptor has at most one per direction.
    mutating func add(_ descriptor: Int32, _ direction: EPollReactor.Direction, _ watch: EPollWatch) {
        if entries[descriptor] == nil {
            lastToken += 1
            entries[descriptor] = Entry(token: lastToken)
            descriptorsByToken[lastToken] = descriptor
        }
        precondition(entries[descriptor]![direction] == nil, "descriptor \(descriptor) is watched twice")
        entries[descriptor]![direction] = Slot(watch: watch)
    }

    /// Turns a watch on: arms the registration, or for a descriptor epoll
    /// refuses, returns the delivery to make at once.
    mutating func turnOn(_ descriptor: Int32, _ direction: EPollReactor.Direction, epoll: Int32) -> [EPollDelivery] {
        guard var slot = entries[descriptor]?[direction], !slot.isCancelled, !slot.isOn else { return [] }
        slot.isOn = true
        entries[descriptor]![direction] = slot
        return arm(descriptor, epoll: epoll)
    }

    /// Turns a watch off. The registration is left as it is: a readiness
    /// that comes anyway finds no one waiting and re-arms without it.
    mutating func turnOff(_ descriptor: Int32, _ direction: EPollReactor.Direction) {
        entries[descriptor]?[direction]?.isOn = false
    }

    /// Makes a reading watch wait for the peer's hang-up only (or for
    /// input again), changing an armed registration at once.
    mutating func watchHangUpOnly(_ descriptor: Int32, _ hangUpOnly: Bool, epoll: Int32) {
        guard var entry = entries[descriptor], var slot = entry.reader, slot.hangUpOnly != hangUpOnly else { return }
        slot.hangUpOnly = hangUpOnly
        entry.reader = slot
        entries[descriptor] = entry
        if entry.armedEvents != 0 { _ = arm(descriptor, epoll: epoll) }
    }

    /// Cancels a watch; returns it when its cancel handler may run now
    /// (else it runs when the handler being delivered returns).
    mutating func cancel(_ descriptor: Int32, _ direction: EPollReactor.Direction, epoll: Int32) -> EPollWatch? {
        guard var slot = entries[descriptor]?[direction], !slot.isCancelled else { return nil }
        slot.isCancelled = true
        slot.isOn = false
        entries[descriptor]![direction] = slot
        guard !slot.isDelivering else { return nil }
        remove(descriptor, direction, epoll: epoll)
        return slot.watch
    }

    /// A readiness from epoll: marks the watches it serves as delivering
    /// and returns them; arms the registration again for the others.
    mutating func ready(token: UInt64, events: UInt32, epoll: Int32) -> [EPollDelivery] {
        guard let descriptor = descriptorsByToken[token], var entry = entries[descriptor] else { return [] }
        entry.armedEvents = 0
        let failed = events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0
        let directions = [
            (EPollReactor.Direction.reading, EPOLLIN.rawValue | EPOLLRDHUP.rawValue), (.writing, EPOLLOUT.rawValue),
        ]
        var deliveries: [EPollDelivery] = []
        for (direction, event) in directions {
            guard var slot = entry[direction], slot.wantsReadiness, failed || events & event != 0 else {
                continue
            }
            slot.isDelivering = true
            entry[direction] = slot
            deliveries.append(EPollDelivery(descriptor: descriptor, direction: direction, watch: slot.watch))
        }
        entries[descriptor] = entry
        _ = arm(descriptor, epoll: epoll)
        return deliveries
    }

    /// Called when a delivered handler has returned.
    mutating func finishDelivery(
        _ descriptor: Int32, _ direction: EPollReactor.Direction, epoll: Int32
    ) -> EPollAfterDelivery {
        guard var slot = entries[descriptor]?[direction] else { return .none }
        slot.isDelivering = false
        entries[descriptor]![direction] = slot
        if slot.isCancelled {
            remove(descriptor, direction, epoll: epoll)
            return .cancelled(slot.watch)
        }
        let again = arm(descriptor, epoll: epoll)
        return again.isEmpty ? .none : .again(again)
    }

    /// Registers or re-arms the descriptor for what its watches wait for.
    /// A descriptor epoll refuses is always ready: its waiting watches
    /// are returned as deliveries, marked delivering.
    private mutating func arm(_ descriptor: Int32, epoll: Int32) -> [EPollDelivery] {
        guard var entry = entries[descriptor] else { return [] }
        let wanted = entry.wantedEvents
        guard wanted != 0 else { return [] }
        if entry.pollable {
            if wanted == entry.armedEvents { return [] }
            var event = epoll_event(events: wanted | EPOLLONESHOT.rawValue, data: epoll_data_t(u64: entry.token))
            let operation = entry.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD
            if epoll_ctl(epoll, operation, descriptor, &event) == 0 {
                entry.registered = true
                entry.armedEvents = wanted
                entries[descriptor] = entry
                return []
            }
            // EPERM: a descriptor epoll cannot watch. Anything else (the
            // descriptor went bad) is delivered too: the handler's read or
            // write then meets the error and ends the connection.
            entry.pollable = false
        }
        var deliveries: [EPollDelivery] = []
        for direction in [EPollReactor.Direction.reading, .writing] {
            guard var slot = entry[direction], slot.wantsReadiness else { continue }
            slot.isDelivering = true
            entry[direction] = slot
            deliveries.append(EPollDelivery(descriptor: descriptor, direction: direction, watch: slot.watch))
        }
        entries[descriptor] = entry
        return deliveries
    }

    /// Drops a cancelled watch; with the descriptor's last watch goes its
    /// registration.
    private mutating func remove(_ descriptor: Int32, _ direction: EPollReactor.Direction, epoll: Int32) {
        guard var entry = entries[descriptor] else { return }
        entry[direction] = nil
        guard entry.reader == nil && entry.writer == nil else {
            entries[descriptor] = entry
            return
        }
        if entry.registered { epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil) }
        entries[descriptor] = nil
        descriptorsByToken[entry.token] = nil
    }
}
#endif
