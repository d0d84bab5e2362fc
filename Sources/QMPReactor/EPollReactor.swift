#if os(Linux)
import CEPoll
import Dispatch
import Glibc
import QAPIRuntime

/// The threads that wait on epoll for every ``IOWatch`` of the process,
/// and run each readiness's handler on the watch's queue.
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
/// the directions it serves are delivered, and the registration is armed
/// again for what is still wanted, when each handler returns. So a
/// handler never runs twice at once, and a hang-up, which epoll reports
/// whatever was asked, cannot spin. A descriptor that epoll refuses (a
/// regular file, `/dev/null`) counts as always ready, as libdispatch
/// treats it.
///
/// For an inline watch, the thread that epoll wakes runs the handler
/// itself, inside the watch's serial queue (`sync`), then the work the
/// handler asked for with ``ReactorThread/afterDelivery(_:)``: a request
/// costs one thread wake-up, where handing it to the queue's own thread
/// cost another. Other watches' handlers are dispatched to their queues.
/// Several threads wait on the one epoll descriptor (the kernel wakes one
/// per readiness). The work after a delivery may run long (a command's
/// handler may even hold its thread); when every thread would be running
/// such work another is started, so that some thread is always free to
/// wait for readiness. (A thread waiting for a watch's queue is free: the
/// queues' blocks are short.)
final class EPollReactor: Sendable {
    /// A direction of interest in a descriptor.
    enum Direction: Sendable {
        case reading, writing
    }

    /// The reactor of the process, started on first use.
    static let shared = EPollReactor()
    /// How many threads wait from the start: one to run work after a
    /// delivery, one to go on waiting meanwhile.
    private static let initialThreads = 2
    /// The name of its threads (in `top -H`, a debugger, `/proc`).
    private static let threadName = "qmp-reactor"
    /// The most threads it starts, however many run work after a delivery.
    private static let maximumThreads = 64

    private let epollDescriptor: Int32
    private let table = QAPILock(EPollTable())
    private let threads = QAPILock(Threads())

    /// The threads and how many of them run work after a delivery.
    /// Each thread's buffers are held here for the life of the process
    /// rather than on the thread's stack, where LeakSanitizer took them
    /// for leaks.
    private struct Threads {
        var started: [ThreadBuffers] = []
        var runningDeferredWork = 0
    }

    private init() {
        epollDescriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epollDescriptor >= 0, "epoll_create1 failed: errno \(errno)")
        for _ in 0..<Self.initialThreads { startThread() }
    }

    /// Adds a watch of `descriptor` for `direction`, off until
    /// ``turnOn(_:_:)``. `onEvent` runs on `queue` at each readiness
    /// while on (`inline`: run by the reactor thread itself, inside the
    /// queue); `onCancel` runs on `queue` once after ``cancel(_:_:)``,
    /// when the descriptor is no longer registered (so it may close it).
    func add(
        _ descriptor: Int32, _ direction: Direction, queue: DispatchQueue, inline: Bool,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) {
        table.withLock { table in
            table.add(
                descriptor, direction,
                EPollWatch(queue: queue, inline: inline, onEvent: onEvent, onCancel: onCancel))
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

    /// Makes the reading watch of `descriptor` wait for the peer's
    /// hang-up only (`EPOLLRDHUP`, and the hang-up and error epoll always
    /// reports), or for input again: input that arrives meanwhile stays in
    /// the kernel and wakes no thread.
    func watchHangUpOnly(_ descriptor: Int32, _ hangUpOnly: Bool) {
        table.withLock { $0.watchHangUpOnly(descriptor, hangUpOnly, epoll: epollDescriptor) }
    }

    /// Ends the watch for good; its cancel handler follows on its queue,
    /// after a handler that is running.
    func cancel(_ descriptor: Int32, _ direction: Direction) {
        let cancelled = table.withLock { table in
            table.cancel(descriptor, direction, epoll: epollDescriptor)
        }
        if let cancelled { cancelled.queue.async(execute: cancelled.onCancel) }
    }

    /// Runs each delivery's handler on its queue, asynchronously (for a
    /// delivery that does not come from epoll), then re-arms (or finishes
    /// a cancel that came meanwhile).
    private func deliver(_ deliveries: [EPollDelivery]) {
        for delivery in deliveries {
            delivery.watch.queue.async { [self] in run(delivery) }
        }
    }

    /// Runs a delivery's handler, then what follows it; on its queue.
    private func run(_ delivery: EPollDelivery) {
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

    /// Starts a waiting thread; it runs as long as the process.
    private func startThread() {
        let buffers = ThreadBuffers()
        threads.withLock { $0.started.append(buffers) }
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

    /// Waits for readiness and delivers it on this thread, forever.
    private func waitForever() -> Never {
        let buffers = threads.withLock { threads in
            threads.started.first { !$0.isClaimed }!.claim()
        }
        buffers.deferred.install()
        cepoll_name_thread(Self.threadName)
        let events = buffers.events
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
                for delivery in deliveries {
                    if delivery.watch.inline {
                        delivery.watch.queue.sync { run(delivery) }
                    } else {
                        delivery.watch.queue.async { [self] in run(delivery) }
                    }
                }
            }
            // After every readiness of the batch: work that runs long
            // holds up no handler.
            if !buffers.deferred.items.isEmpty { runDeferredWork(buffers.deferred) }
        }
    }

    /// Runs the work asked for after this thread's deliveries, first
    /// starting another thread when none would be left free to wait for
    /// readiness meanwhile.
    private func runDeferredWork(_ deferred: DeferredWork) {
        let startsAnother = threads.withLock { threads in
            threads.runningDeferredWork += 1
            return threads.runningDeferredWork == threads.started.count
                && threads.started.count < Self.maximumThreads
        }
        if startsAnother { startThread() }
        deferred.runAll()
        threads.withLock { $0.runningDeferredWork -= 1 }
    }
}

/// One reactor thread's buffers: where `epoll_wait` writes, and the work
/// to run after a delivery. Claimed by the thread it was made for.
private final class ThreadBuffers: @unchecked Sendable {
    let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: 64)
    let deferred = DeferredWork()
    /// Set, under the reactor's lock, once a thread uses these buffers.
    private(set) var isClaimed = false

    /// Marks the buffers used; under the reactor's lock.
    func claim() -> ThreadBuffers {
        isClaimed = true
        return self
    }
}
#endif
