/// `line` with each event timestamp's numbers replaced by `S` and `U`,
/// so that an event line can be compared whole:
/// `{"timestamp": {"seconds": S, "microseconds": U}, "event": "STOP"}`.
/// Only digits are replaced, so a malformed timestamp still shows.
public func withoutTimestamps(_ line: String) -> String {
    line.replacing(#/"seconds": [0-9]+, "microseconds": [0-9]+/#, with: #""seconds": S, "microseconds": U"#)
}

/// The line of event `name` as QEMU writes it, with the timestamp as
/// `withoutTimestamps` leaves it; `data` is the `data` member's text, if any.
public func eventLine(_ name: String, data: String? = nil) -> String {
    #"{"timestamp": {"seconds": S, "microseconds": U}, "event": "\#(name)""# + (data.map { #", "data": \#($0)"# } ?? "")
        + "}"
}

extension QMPTestClient {
    /// Sends `request` and returns the lines up to and including its
    /// response (a `return` or an `error`), so the events written before
    /// it come first (spec E3), timestamps blanked by `withoutTimestamps`.
    public func executeWithEvents(_ request: String, timeout: Double = 10) throws -> [String] {
        try send(request)
        var lines: [String] = []
        repeat {
            lines.append(withoutTimestamps(try readLine(timeout: timeout)))
        } while !(lines.last!.hasPrefix(#"{"return""#) || lines.last!.hasPrefix(#"{"error""#)
            || lines.last!.hasPrefix(#"{"id""#))
        return lines
    }
}
