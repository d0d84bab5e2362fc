/// The monitors in QEMU's `mon_list` order (spec H6, Q3): a new monitor
/// goes to the head, a monitor the dispatcher has just served goes to the
/// tail, and `query-monitors` reports the list reversed.
///
/// Monitors are compared by identity. The list is a value; its owner
/// serialises access.
struct MonitorList {
    /// The monitors, head first.
    private(set) var monitors: [any Monitor] = []

    /// Whether the list is empty.
    var isEmpty: Bool { monitors.isEmpty }

    /// Adds `monitor` at the head, as `monitor_list_append` does.
    mutating func insertAtHead(_ monitor: any Monitor) {
        monitors.insert(monitor, at: 0)
    }

    /// Moves `monitor` to the tail: the dispatcher took a request from it.
    mutating func moveToTail(_ monitor: any Monitor) {
        guard let index = index(of: monitor) else { return }
        monitors.append(monitors.remove(at: index))
    }

    /// Removes `monitor`; returns whether it was listed.
    @discardableResult
    mutating func remove(_ monitor: any Monitor) -> Bool {
        guard let index = index(of: monitor) else { return false }
        monitors.remove(at: index)
        return true
    }

    /// Removes every monitor and returns them, head first.
    mutating func removeAll() -> [any Monitor] {
        defer { monitors = [] }
        return monitors
    }

    /// The monitor named `id`, if any.
    func monitor(id: String) -> (any Monitor)? {
        monitors.first { $0.id == id }
    }

    /// The first monitor, from the head, that has work for the dispatcher.
    var firstWithWork: (any Monitor)? {
        monitors.first { $0.hasWork }
    }

    /// The order `query-monitors` reports: the dispatcher walks the list
    /// and prepends each entry, so the result is the list reversed.
    var reportingOrder: [any Monitor] {
        monitors.reversed()
    }

    /// The first of `monitor0`, `monitor1`, ... that no monitor has: the
    /// id of a QMP monitor created without one.
    var unusedAutomaticID: String {
        var number = 0
        while monitor(id: "monitor\(number)") != nil { number += 1 }
        return "monitor\(number)"
    }

    private func index(of monitor: any Monitor) -> Int? {
        monitors.firstIndex { $0 === monitor }
    }
}
