#if os(Linux)
import Dispatch

/// A watch of one descriptor for readability or writability, run by
/// ``EPollReactor`` (Linux; Dispatch sources elsewhere, see
/// IOWatchOnDispatchSources.swift).
///
/// Lives in its owner's locked state; its methods only flip the watch.
/// The descriptor must stay open until the cancel handler runs.
package struct IOWatch {
    private let descriptor: Int32
    private let direction: EPollReactor.Direction
    private var isCancelled = false
    /// Whether events are being delivered.
    package private(set) var isOn = false

    /// A watch for readability of `descriptor`; `onEvent` runs on `queue`
    /// while the watch is on, `onCancel` once after ``cancel()``. With
    /// `inline`, on Linux, the reactor thread that sees the readiness
    /// runs `onEvent` itself, inside `queue`, and then what it asked for
    /// with `ReactorThread.afterDelivery` (elsewhere it changes nothing).
    package static func reading(
        _ descriptor: Int32, queue: DispatchQueue, inline: Bool = false,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(descriptor, .reading, queue, inline, onEvent, onCancel)
    }

    /// A watch for writability of `descriptor`, otherwise like ``reading(_:queue:inline:onEvent:onCancel:)``.
    package static func writing(
        _ descriptor: Int32, queue: DispatchQueue, inline: Bool = false,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(descriptor, .writing, queue, inline, onEvent, onCancel)
    }

    private init(
        _ descriptor: Int32, _ direction: EPollReactor.Direction, _ queue: DispatchQueue, _ inline: Bool,
        _ onEvent: @escaping @Sendable () -> Void, _ onCancel: @escaping @Sendable () -> Void
    ) {
        self.descriptor = descriptor
        self.direction = direction
        EPollReactor.shared.add(
            descriptor, direction, queue: queue, inline: inline, onEvent: onEvent, onCancel: onCancel)
    }

    /// Starts or restarts event delivery.
    package mutating func turnOn() {
        guard !isOn, !isCancelled else { return }
        isOn = true
        EPollReactor.shared.turnOn(descriptor, direction)
    }

    /// Stops event delivery (an event handler already running finishes).
    package mutating func turnOff() {
        guard isOn else { return }
        isOn = false
        EPollReactor.shared.turnOff(descriptor, direction)
    }

    /// For a reading watch: while `hangUpOnly`, waits for the peer's
    /// hang-up only, not for input, which stays in the kernel.
    package func watchHangUpOnly(_ hangUpOnly: Bool) {
        guard direction == .reading, !isCancelled else { return }
        EPollReactor.shared.watchHangUpOnly(descriptor, hangUpOnly)
    }

    /// Cancels the watch for good; its cancel handler runs soon after on
    /// its queue.
    package mutating func cancel() {
        guard !isCancelled else { return }
        isCancelled = true
        isOn = false
        EPollReactor.shared.cancel(descriptor, direction)
    }
}
#endif
