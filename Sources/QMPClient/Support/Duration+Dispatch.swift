import Dispatch

extension Duration {
    /// The duration as a Dispatch interval (whole nanoseconds; negative
    /// durations count as zero).
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return .nanoseconds(0) }
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .never }
        return .nanoseconds(Int(clamping: max(0, nanoseconds + attoseconds / 1_000_000_000)))
    }
}
