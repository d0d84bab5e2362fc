import QAPIRuntime
import QMPClient

extension QMPConnection.Options {
    /// Options for tests: short connect timeout, and a default call
    /// timeout so that a bug fails a test instead of hanging it.
    public static func testing(
        maxInFlight: Int = 8, defaultTimeout: Duration? = .seconds(10), maxMessageBytes: Int = 32 << 20,
        eventBufferLimit: Int = 4096, eventStallTimeout: Duration = .seconds(2), enableOutOfBand: Bool = true,
        driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil
    ) -> QMPConnection.Options {
        QMPConnection.Options(
            enableOutOfBand: enableOutOfBand, connectTimeout: .seconds(5), maxInFlight: maxInFlight,
            defaultTimeout: defaultTimeout, maxMessageBytes: maxMessageBytes, eventBufferLimit: eventBufferLimit,
            eventStallTimeout: eventStallTimeout, driftHandler: driftHandler)
    }
}
