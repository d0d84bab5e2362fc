#if os(Linux)
import CEPoll
import Dispatch
import Glibc
import QAPIRuntime

/// The one thread that waits on epoll for every ``IOWatch`` of the
/// process, and hands each readiness to the watch's queue.
///
/// It replaces libdispatch's read and write sources, whose epoll
/// bookkeeping on Linux can free its per-descriptor record while its
/// manager thread still uses it when a peer hangs up (a pipe's writer
/// closing, a client disconnecting): the process then crashes in
/// `_dispatch_event_loop_drain` (swift-corelibs-libdispatch issue 949).
/// Here the kernel holds a number, never a pointer: an event for a
/// registration that is gone finds nothing in the table and is dropped.
///
/// Each descriptor is registered once, one-shot, for the directions
/// whose watches are on and idle. A readiness disarms the registration;
/// the directions it serves are delivered, each on its own queue, and
/// the registration is armed again for what is still wanted, when each
/// handler returns. So a handler never runs twice at once, and a
/// hang-up, which epoll reports whatever was asked, cannot spin. A
/// descriptor that epoll refuses (a regular file, `/dev/null`) counts as
/// always ready, as libdispatch treats it.
final class EPollReactor: Sendable {
    /// A direction of interest in a descriptor.
    enum Direction: Sendable {
        case reading, writing
    }

    /// The reactor of the process, started on first use.
    static let shared = EPollReactor()

    private let epollDescriptor: Int32
    private let table = QAPILock(EPollTable())
    /// Where `epoll_wait` writes, touched only by the reactor's thread.
    /// Held here for the life of the process rather than on that thread's
    /// stack, where LeakSanitizer took it for a leak.
    nonisolated(unsafe) private let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: 64)

    private init() {
        epollDescriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epollDescriptor >= 0, "epoll_create1 failed: errno \(errno)")
        startThread()
    }

    /// Adds a watch of `descriptor` for `direction`, off until
    /// ``turnOn(_:_:)``. `onEvent` runs on `queue` at each readiness
    /// while on; `onCancel` runs on `queue` once after ``cancel(_:_:)``,
    /// when the descriptor is no longer registered (so it may close it).
    func add(
        _ descriptor: Int32, _ direction: Direction, queue: DispatchQueue,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) {
        table.withLock { table in
            table.add(
                descriptor, direction,
                EPollWatch(queue: queue, onEvent: onEvent, onCancel: onCancel))
        }
    }

    /// Turns delivery on; a readiness already there is delivered.
    func turnOn(_ descriptor: Int32, _ direction: Direction) {
        let deliveries = table.withLock { table in
            table.turnOn(descriptor, direction, epoll: epollDescriptor)
        }
        deliver(deliveries)
    }

    /// Turns delivery off; a handler already running finishes.
    func turnOff(_ descriptor: Int32, _ direction: Direction) {
        table.withLock { $0.turnOff(descriptor, direction) }
    }

    /// Ends the watch for good; its cancel handler follows on its queue,
    /// after a handler that is running.
    func cancel(_ descriptor: Int32, _ direction: Direction) {
        let cancelled = table.withLock { table in
            table.cancel(descriptor, direction, epoll: epollDescriptor)
        }
        if let cancelled { cancelled.queue.async(execute: cancelled.onCancel) }
    }

    /// Runs each delivery's handler on its queue, then re-arms (or
    /// finishes a cancel that came meanwhile).
    private func deliver(_ deliveries: [EPollDelivery]) {
        for delivery in deliveries {
            delivery.watch.queue.async { [self] in
                delivery.watch.onEvent()
                let next = table.withLock { table in
                    table.finishDelivery(delivery.descriptor, delivery.direction, epoll: epollDescriptor)
                }
                switch next {
                case .none: break
                case .again(let more): deliver(more)
                case .cancelled(let watch): watch.onCancel()
                }
            }
        }
    }

    /// Starts the waiting thread; it runs as long as the process.
    private func startThread() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { context in
                let reactor = Unmanaged<EPollReactor>.fromOpaque(context!).takeRetainedValue()
                reactor.waitForever()
            }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        pthread_detach(thread)
    }

    /// Waits for readiness and delivers it, forever.
    private func waitForever() -> Never {
        while true {
            let count = epoll_wait(epollDescriptor, events.baseAddress, Int32(events.count), -1)
            guard count > 0 else {
                precondition(count == 0 || errno == EINTR, "epoll_wait failed: errno \(errno)")
                continue
            }
            for event in events[..<Int(count)] {
                let deliveries = table.withLock { table in
                    table.ready(token: event.data.u64, events: event.events, epoll: epollDescriptor)
                }
                deliver(deliveries)
            }
        }
    }
}
#endif
