import Dispatch

/// A dispatch source watching one descriptor, with its run state tracked
/// so that suspends and resumes stay balanced and a cancelled source
/// always gets to run its cancel handler (libdispatch runs it only once
/// the source is active and not suspended).
///
/// Lives in a chardev's locked state; its methods only flip the source.
struct IOWatch {
    private enum State {
        case inactive, running, suspended, cancelled
    }

    private let source: any DispatchSourceProtocol
    private var state = State.inactive

    /// A watch for readability of `descriptor`; `onEvent` runs on `queue`
    /// while the watch is on, `onCancel` once after ``cancel()``.
    static func reading(
        _ descriptor: Int32, queue: DispatchQueue,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue), onEvent, onCancel)
    }

    /// A watch for writability of `descriptor`, otherwise like ``reading(_:queue:onEvent:onCancel:)``.
    static func writing(
        _ descriptor: Int32, queue: DispatchQueue,
        onEvent: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void
    ) -> IOWatch {
        IOWatch(DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue), onEvent, onCancel)
    }

    private init(
        _ source: any DispatchSourceProtocol,
        _ onEvent: @escaping @Sendable () -> Void, _ onCancel: @escaping @Sendable () -> Void
    ) {
        source.setEventHandler(handler: onEvent)
        source.setCancelHandler(handler: onCancel)
        self.source = source
    }

    /// Whether events are being delivered.
    var isOn: Bool { state == .running }

    /// Starts or restarts event delivery.
    mutating func turnOn() {
        switch state {
        case .inactive: source.activate()
        case .suspended: source.resume()
        case .running, .cancelled: return
        }
        state = .running
    }

    /// Stops event delivery (an event handler already running finishes).
    mutating func turnOff() {
        guard state == .running else { return }
        source.suspend()
        state = .suspended
    }

    /// Cancels the source for good; its cancel handler runs soon after on
    /// the source's queue.
    mutating func cancel() {
        guard state != .cancelled else { return }
        source.cancel()
        switch state {
        case .inactive: source.activate()
        case .suspended: source.resume()
        case .running, .cancelled: break
        }
        state = .cancelled
    }
}
