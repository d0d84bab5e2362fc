
/// The return value of `query-qmp-schema`, kept as the compact JSON text
/// the generator wrote and parsed on first use, once.
///
/// Generated code holds one: `QMPSchemaIntrospection(json: "…")`.
public final class QMPSchemaIntrospection: Sendable {
    /// The JSON text.
    public let json: String
    /// The parsed value, once `value` was first read.
    private let parsed = QAPILock<JSONValue?>(nil)

    /// Introspection data from its JSON text, which must be one valid
    /// JSON value (it is checked when first parsed).
    public init(json: String) {
        self.json = json
    }

    /// The parsed value. The first read parses the text; concurrent first
    /// reads parse it once.
    public var value: JSONValue {
        parsed.withLock { cached in
            if let cached { return cached }
            let value = Self.parse(json)
            cached = value
            return value
        }
    }

    /// Parses generated text, which need not respect the limits QEMU
    /// puts on client input.
    private static func parse(_ text: String) -> JSONValue {
        let huge = Int(UInt32.max)
        let limits = JSONStreamLimits(maxTokenBytes: huge, maxTokenCount: huge, maxNesting: huge)
        var parser = JSONStreamParser(limits: limits)
        let outputs = parser.feed(Array(text.utf8)) + parser.finish()
        guard outputs.count == 1, case .success(let value) = outputs[0] else {
            preconditionFailure("introspection data is not one JSON value: \(outputs)")
        }
        return value
    }
}
