/// QEMU's recursive-descent JSON parser, run incrementally: it takes one
/// token at a time and keeps the partial value on explicit stacks, so the
/// streamer never has to store tokens.
///
/// The first error wins and later tokens of the message are ignored,
/// which gives the same error as parsing the finished token list.
struct JSONTokenParser {
    /// What the innermost open container expects next.
    private enum Phase {
        /// After `[`: `]` or a value.
        case arrayFirst
        /// After `,` in an array: a value.
        case arrayElement
        /// After an element: `,` or `]`.
        case arraySeparator
        /// After `{`: `}` or a key.
        case objectFirst
        /// After `,` in an object: a key.
        case objectKey
        /// After a key: `:`.
        case objectColon
        /// After `:`: a value.
        case objectValue
        /// After a member: `,` or `}`.
        case objectSeparator
    }

    private var phases: [Phase] = []
    private var arrays: [[JSONValue]] = []
    private var objects: [JSONObject] = []
    private var keys: [String] = []
    private var error: JSONParseError?
    private var result: JSONValue?
    private var scratch: [UInt8] = []

    /// Forgets the current message.
    mutating func reset() {
        phases.removeAll(keepingCapacity: true)
        arrays.removeAll(keepingCapacity: true)
        objects.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        error = nil
        result = nil
        if scratch.capacity > 1 << 20 { scratch = [] }
    }

    /// The outcome of the message whose tokens were all accepted, then a
    /// reset. A message that ended before its value did is
    /// `premature EOI` (only reachable by flushing at end of input).
    mutating func finishMessage() -> Result<JSONValue, JSONParseError> {
        let outcome: Result<JSONValue, JSONParseError>
        if let error {
            outcome = .failure(error)
        } else if let result {
            outcome = .success(result)
        } else {
            outcome = .failure(.parser("premature EOI"))
        }
        reset()
        return outcome
    }

    /// Takes the next token of the message.
    mutating func accept(_ kind: JSONTokenKind, _ token: UnsafeBufferPointer<UInt8>) {
        guard error == nil, result == nil else { return }
        if let phase = phases.last {
            switch phase {
            case .objectColon:
                if case .colon = kind {
                    phases[phases.count - 1] = .objectValue
                } else {
                    fail("missing : in object pair")
                }
                return
            case .objectSeparator:
                switch kind {
                case .rightBrace: closeObject()
                case .comma: phases[phases.count - 1] = .objectKey
                default: fail("expected separator in dict")
                }
                return
            case .arraySeparator:
                switch kind {
                case .rightBracket: closeArray()
                case .comma: phases[phases.count - 1] = .arrayElement
                default: fail("expected separator in list")
                }
                return
            case .objectFirst:
                if case .rightBrace = kind {
                    closeObject()
                    return
                }
            case .arrayFirst:
                if case .rightBracket = kind {
                    closeArray()
                    return
                }
            default:
                break
            }
        }
        beginValue(kind, token)
    }

    /// A token where a value must start.
    private mutating func beginValue(_ kind: JSONTokenKind, _ token: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .leftBrace:
            phases.append(.objectFirst)
            objects.append(JSONObject())
        case .leftBracket:
            phases.append(.arrayFirst)
            arrays.append([])
        case .string:
            switch JSONStringDecoder.decode(token, scratch: &scratch) {
            case .success(let string): deliver(.string(string))
            case .failure(let failure): error = failure
            }
        case .integer:
            deliver(JSONNumberDecoder.integer(token))
        case .float:
            deliver(JSONNumberDecoder.float(token))
        case .keyword:
            if keywordIs(token, "true") {
                deliver(.bool(true))
            } else if keywordIs(token, "false") {
                deliver(.bool(false))
            } else if keywordIs(token, "null") {
                deliver(.null)
            } else {
                fail("invalid keyword '" + String(decoding: token, as: UTF8.self) + "'")
            }
        case .rightBrace, .rightBracket, .colon, .comma:
            fail("expecting value")
        }
    }

    /// Hands a finished value to the innermost container (or makes it the
    /// message's result).
    private mutating func deliver(_ value: JSONValue) {
        guard let phase = phases.last else {
            result = value
            return
        }
        let top = phases.count - 1
        switch phase {
        case .arrayFirst, .arrayElement:
            arrays[arrays.count - 1].append(value)
            phases[top] = .arraySeparator
        case .objectFirst, .objectKey:
            guard case .string(let key) = value else {
                fail("key is not a string in object")
                return
            }
            keys.append(key)
            phases[top] = .objectColon
        case .objectValue:
            let key = keys.removeLast()
            if objects[objects.count - 1].contains(key: key) {
                fail("duplicate key")
                return
            }
            objects[objects.count - 1].appendNew(key, value)
            phases[top] = .objectSeparator
        case .arraySeparator, .objectColon, .objectSeparator:
            preconditionFailure("value delivered where none is expected")
        }
    }

    private mutating func closeObject() {
        phases.removeLast()
        deliver(.object(objects.removeLast()))
    }

    private mutating func closeArray() {
        phases.removeLast()
        deliver(.array(arrays.removeLast()))
    }

    private mutating func fail(_ detail: String) {
        error = .parser(detail)
    }

    private func keywordIs(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard token.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<token.count where token[index] != expected[index] { return false }
        return true
    }
}
