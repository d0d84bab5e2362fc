/// A streaming parser for QEMU's JSON dialect: lexer, streamer and parser
/// in one, fed with bytes in arbitrary chunks.
///
/// Each complete top-level message yields one result: a value, or the
/// error QEMU would report for it. Any split of the same input into
/// chunks yields the same results. No separator is needed between
/// messages; a top-level number is complete only once the byte after it
/// has arrived.
///
/// ```swift
/// var parser = JSONStreamParser()
/// for result in parser.feed(Array(#"{"execute": "query-status"}"#.utf8)) { … }
/// ```
public struct JSONStreamParser: Sendable {
    /// One result: a complete value or an error.
    public typealias Output = Result<JSONValue, JSONParseError>

    /// The limits in force.
    public let limits: JSONStreamLimits

    var state: JSONLexerState = .start
    /// The bytes of the token being lexed.
    var token: [UInt8] = []
    var braces = 0
    var brackets = 0
    var tokenCount = 0
    var tokenBytes = 0
    var parser = JSONTokenParser()
    /// Results produced but not yet handed out.
    var pending: [Output] = []

    /// A parser with the given limits (QEMU's by default).
    public init(limits: JSONStreamLimits = .qemu) {
        self.limits = limits
        token.reserveCapacity(64)
    }

    /// Forgets all partial input, as QEMU does when a client disconnects.
    public mutating func reset() {
        state = .start
        token = []
        token.reserveCapacity(64)
        resetMessage()
        pending = []
    }

    /// Feeds `bytes`; returns the results they complete, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [Output] where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            _ = run(buffer, stopAfterResult: false)
        }
        if done == nil {
            Array(bytes).withUnsafeBufferPointer { _ = run($0, stopAfterResult: false) }
        }
        return takePending()
    }

    /// Feeds raw bytes; returns the results they complete, in order.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Output] {
        _ = run(bytes.bindMemory(to: UInt8.self), stopAfterResult: false)
        return takePending()
    }

    /// Feeds bytes from `bytes` and hands each completed result to `emit`.
    ///
    /// With `stopAfterResult`, it stops right after the first byte that
    /// completed at least one result (one byte can complete two, for
    /// example `1]`), which lets a monitor stop reading while a request is
    /// being handled, like QEMU's one-byte reads. Returns how many bytes
    /// were consumed; feed the rest later.
    public mutating func consume(
        _ bytes: UnsafeRawBufferPointer,
        stopAfterResult: Bool = false,
        _ emit: (Output) -> Void
    ) -> Int {
        let consumed = run(bytes.bindMemory(to: UInt8.self), stopAfterResult: stopAfterResult)
        for output in takePending() { emit(output) }
        return consumed
    }

    /// Signals end of input (QEMU's flush): ends a pending number or
    /// keyword, reports an unfinished string or number as a lexical error,
    /// and reports an unfinished message (`JSON parse error, premature EOI`).
    /// QEMU's monitor never does this; it is for parsing whole documents.
    public mutating func finish() -> [Output] {
        parser.prepareForTokens()
        while state != .start {
            switch state {
            case .start:
                break
            case .recovery:
                state = .start
            case .zero, .digits:
                endToken(.integer)
            case .mantissaDigits, .exponentDigits:
                endToken(.float)
            case .keyword:
                endToken(.keyword)
            case .doubleQuoted, .doubleQuotedEscape, .singleQuoted, .singleQuotedEscape,
                .sign, .mantissa, .exponent, .exponentSign:
                lexicalError()
            }
        }
        if tokenCount > 0 {
            pending.append(parser.finishMessage())
            resetMessage()
        }
        return takePending()
    }

    private mutating func takePending() -> [Output] {
        if pending.isEmpty { return [] }
        defer { pending = [] }
        return pending
    }
}
