#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall-clock time of an event, split as QEMU sends it (spec E1).
public struct QMPTimestamp: Sendable, Hashable {
    /// Whole seconds since the Unix epoch.
    public var seconds: Int64
    /// Microseconds within the second.
    public var microseconds: Int64

    /// A timestamp from its two parts.
    public init(seconds: Int64, microseconds: Int64) {
        self.seconds = seconds
        self.microseconds = microseconds
    }

    /// A timestamp from microseconds since the epoch, split with C's
    /// truncating division as QEMU splits `g_get_real_time()`.
    public init(microsecondsSinceEpoch time: Int64) {
        self.init(seconds: time / 1_000_000, microseconds: time % 1_000_000)
    }

    /// The current wall-clock time (`CLOCK_REALTIME`, like
    /// `g_get_real_time()`).
    public static var now: QMPTimestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return QMPTimestamp(microsecondsSinceEpoch: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000)
    }

    /// The wire form, `{"seconds": S, "microseconds": U}`.
    public var json: JSONValue {
        var object = JSONObject()
        object.appendNew("seconds", .int(seconds))
        object.appendNew("microseconds", .int(microseconds))
        return .object(object)
    }
}
