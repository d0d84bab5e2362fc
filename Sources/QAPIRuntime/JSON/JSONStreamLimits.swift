/// The streamer's security limits (QEMU's json-streamer.c).
///
/// Tests may lower them; servers use `.qemu`.
public struct JSONStreamLimits: Sendable, Hashable {
    /// Maximum bytes of all tokens of one message, and of a single token
    /// in the lexer (QEMU: 64 MiB).
    public var maxTokenBytes: Int
    /// Maximum number of tokens in one message (QEMU: 2 * 2^20).
    public var maxTokenCount: Int
    /// Maximum of open braces plus open brackets (QEMU: 1024).
    public var maxNesting: Int

    /// Custom limits.
    public init(maxTokenBytes: Int, maxTokenCount: Int, maxNesting: Int) {
        self.maxTokenBytes = maxTokenBytes
        self.maxTokenCount = maxTokenCount
        self.maxNesting = maxNesting
    }

    /// QEMU's limits: 64 MiB, 2 Mi tokens, depth 1024.
    public static let qemu = JSONStreamLimits(
        maxTokenBytes: 64 << 20, maxTokenCount: 2 << 20, maxNesting: 1 << 10)
}
