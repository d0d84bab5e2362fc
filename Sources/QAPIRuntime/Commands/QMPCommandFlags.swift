/// The options of a command's schema definition that change how it is
/// dispatched.
public struct QMPCommandFlags: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8

    /// Flags from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `allow-oob: true`: the command may be run with `exec-oob`
    /// (spec O4, R7).
    public static let allowOOB = QMPCommandFlags(rawValue: 1 << 0)
    /// `allow-preconfig: true`: the command may run before the machine is
    /// ready (spec R8).
    public static let allowPreconfig = QMPCommandFlags(rawValue: 1 << 1)
    /// `coroutine: true`: the handler is asynchronous.
    public static let coroutine = QMPCommandFlags(rawValue: 1 << 2)
    /// `success-response: false`: success produces no response (spec R10).
    public static let noSuccessResponse = QMPCommandFlags(rawValue: 1 << 3)
}
