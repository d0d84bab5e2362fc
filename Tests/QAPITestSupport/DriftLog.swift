import QAPIRuntime

/// Collects what a drift handler hears (a client's tolerant decoding).
public final class DriftLog: Sendable {
    private let entries = QAPILock<[QAPIDrift]>([])

    /// An empty log.
    public init() {}

    /// The handler to pass in the options.
    public var handler: @Sendable (QAPIDrift) -> Void {
        { [entries] drift in entries.withLock { $0.append(drift) } }
    }

    /// What was heard, as log lines.
    public var lines: [String] { entries.withLock { $0.map(\.description) } }
}
