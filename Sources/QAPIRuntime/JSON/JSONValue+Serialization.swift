extension JSONValue: CustomStringConvertible {
    /// The value in QEMU's compact JSON layout.
    public var description: String {
        JSONWriter().string(self)
    }
}

extension JSONValue {
    /// Parses a document that holds exactly one JSON value (QEMU's
    /// dialect), as QEMU's `qobject_from_json` does.
    ///
    /// Throws the first error; throws
    /// `Expecting at most one JSON value` when more follow, and
    /// `JSON parse error, premature EOI` when there is none.
    public init<Bytes: Sequence>(parsing bytes: Bytes) throws(JSONParseError) where Bytes.Element == UInt8 {
        var parser = JSONStreamParser()
        var outputs = parser.feed(bytes)
        outputs += parser.finish()
        var found: JSONValue?
        for output in outputs {
            switch output {
            case .failure(let error):
                throw error
            case .success(let value):
                if found != nil {
                    throw JSONParseError(stage: .parser, message: "Expecting at most one JSON value")
                }
                found = value
            }
        }
        guard let found else { throw .parser("premature EOI") }
        self = found
    }

    /// Parses a string that holds exactly one JSON value; see
    /// `init(parsing:)` for bytes.
    public init(parsing text: String) throws(JSONParseError) {
        try self.init(parsing: Array(text.utf8))
    }
}
