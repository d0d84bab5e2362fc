/// The `query-qmp-schema` data of one generated schema, kept as the
/// compact JSON text the generator wrote and parsed on first use, once.
///
/// Generated code holds one per schema (`Introspection.schema`), and
/// every command descriptor of the schema points to it, so a server can
/// describe exactly the commands it serves, from one schema or several
/// (`QMPCommandRegistry.introspection()`).
public final class QMPSchemaIntrospection: Sendable {
    /// The JSON text: an array with one SchemaInfo per line.
    public let json: String
    /// The real type name behind each masked number (`"0"` is
    /// `typeNames[0]`); nil when the names in `json` are not masked.
    public let typeNames: [String]?
    private let parsed = QAPILock<[JSONValue]?>(nil)

    /// Introspection data from its JSON text, which must be one valid JSON
    /// array (it is checked when first parsed), and, when its type names
    /// are masked to numbers, the real names, one per line, in number
    /// order.
    public init(json: String, maskedTypeNames: String? = nil) {
        self.json = json
        typeNames = maskedTypeNames.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Whether type names are masked to numbers.
    public var isMasked: Bool { typeNames != nil }

    /// The SchemaInfo entries. The first read parses the text; concurrent
    /// first reads parse it once.
    public var entries: [JSONValue] {
        parsed.withLock { cached in
            if let cached { return cached }
            let value = Self.parse(json)
            cached = value
            return value
        }
    }

    /// The whole schema, as `query-qmp-schema` returns it when every
    /// command is served.
    public var value: JSONValue { .array(entries) }

    /// Parses generated text, which need not respect the limits QEMU
    /// puts on client input.
    private static func parse(_ text: String) -> [JSONValue] {
        let huge = Int(UInt32.max)
        let limits = JSONStreamLimits(maxTokenBytes: huge, maxTokenCount: huge, maxNesting: huge)
        var parser = JSONStreamParser(limits: limits)
        let outputs = parser.feed(Array(text.utf8)) + parser.finish()
        guard outputs.count == 1, case .success(.array(let entries)) = outputs[0] else {
            preconditionFailure("introspection data is not one JSON array: \(outputs)")
        }
        return entries
    }
}
