#if !os(Linux)
import Dispatch

/// A watch of one descriptor for readability or writability, run by a
/// Dispatch source (systems other than Linux, whose kqueue-based sources
/// do not have the Linux epoll bug that IOWatchOnEPoll.swift avoids).
///
/// Lives in its owner's locked state; its methods only flip the watch.
/// The descriptor must stay open until the cancel handler runs.
package struct IOWatch {
    /// Where the source stands: a suspended or never-activated source
    /// must be resumed or activated for its cancel handler to run.
    private enum State {
        case inactive, on, suspended, cancelled
    }

    private let source: any DispatchSourceProtocol
    private var state = State.inactive
    /// Whether events are being delivered.
    package var isOn: Bool { state == .on }

    /// A watch for readability of `descriptor`; `onEvent` runs on `queue`
    /// while the watch is on, `onCancel` once after ``cancel()``. With
    /// `inline`, on Linux, the reactor thread that sees the readiness
    /// runs `onEvent` itself, inside `queue`, and then what it asked for
    /// with `ReactorThread.afterDelivery` (elsewhere it changes nothing).
    package static func reading(
        _ descriptor: Int32, queue: DispatchQueue, inline: Bool = false,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue), onEvent, onCancel)
    }

    /// A watch for writability of `descriptor`, otherwise like ``reading(_:queue:inline:onEvent:onCancel:)``.
    package static func writing(
        _ descriptor: Int32, queue: DispatchQueue, inline: Bool = false,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue), onEvent, onCancel)
    }

    private init(
        _ source: any DispatchSourceProtocol,
        _ onEvent: @escaping @Sendable () -> Void, _ onCancel: @escaping @Sendable () -> Void
    ) {
        self.source = source
        source.setEventHandler(handler: onEvent)
        source.setCancelHandler(handler: onCancel)
    }

    /// Starts or restarts event delivery.
    package mutating func turnOn() {
        switch state {
        case .inactive: source.activate()
        case .suspended: source.resume()
        case .on, .cancelled: return
        }
        state = .on
    }

    /// Stops event delivery (an event handler already running finishes).
    package mutating func turnOff() {
        guard state == .on else { return }
        source.suspend()
        state = .suspended
    }

    /// Does nothing: a Dispatch read source cannot wait for hang-up
    /// alone, so it goes on reading (up to its owner's limit).
    package func watchHangUpOnly(_ hangUpOnly: Bool) {}

    /// Cancels the watch for good; its cancel handler runs soon after on
    /// its queue.
    package mutating func cancel() {
        guard state != .cancelled else { return }
        source.cancel()
        switch state {
        case .inactive: source.activate()
        case .suspended: source.resume()
        case .on, .cancelled: break
        }
        state = .cancelled
    }
}
#endif
