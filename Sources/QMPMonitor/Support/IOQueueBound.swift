import Dispatch

/// A stored property that belongs to one serial dispatch queue (the
/// server's I/O queue): every read and write checks that it runs there,
/// so a wrong-thread access fails loudly (in debug builds, where tests
/// run) instead of racing. Like swift-nio's `NIOLoopBound`, it turns the
/// promise behind an `@unchecked Sendable` class into a check.
///
/// Access goes through `_read` and `_modify`, so a value with storage of
/// its own (a session's queues, a monitor list) is read and changed in
/// place, not copied.
@propertyWrapper
struct IOQueueBound<Value> {
    /// The queue the value belongs to.
    let queue: DispatchQueue
    private var value: Value

    /// `wrappedValue`, bound to `queue`. Creating it is allowed anywhere;
    /// using it only on `queue`.
    init(wrappedValue: Value, queue: DispatchQueue) {
        self.queue = queue
        self.value = wrappedValue
    }

    /// The value; on `queue` only.
    var wrappedValue: Value {
        _read {
            dispatchPrecondition(condition: .onQueue(queue))
            yield value
        }
        _modify {
            dispatchPrecondition(condition: .onQueue(queue))
            yield &value
        }
    }
}
