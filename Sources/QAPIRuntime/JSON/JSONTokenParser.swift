/// QEMU's recursive-descent JSON parser, run incrementally: it takes one
/// token at a time and keeps the partial value on explicit stacks, so the
/// streamer never has to store tokens.
///
/// The elements of every open array wait on one stack and the members of
/// every open object on another; closing a container moves its own off
/// the top into an array or object of exactly their count.
///
/// The first error wins and later tokens of the message are ignored,
/// which gives the same error as parsing the finished token list.
struct JSONTokenParser {
    /// What the innermost open container, or the top level, expects next.
    private enum Expect {
        /// At top level: a value.
        case topValue
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
        /// The message has its value or its error: the rest is ignored.
        case done
    }

    /// What an enclosing container was doing when a container inside it
    /// opened.
    private struct Frame {
        var expect: Expect
        var start: Int
        var positions: [ByteKey: Int]
    }

    private var expect = Expect.topValue
    /// Where the innermost container's elements or members start on
    /// their stack.
    private var start = 0
    /// The innermost object's key index, kept (and handed to the object)
    /// once it has more than `JSONObject.indexThreshold` members, so that
    /// finding duplicate keys never takes quadratic time.
    private var positions = [ByteKey: Int]()
    /// The enclosing containers, outermost first.
    private var frames: [Frame] = []
    private var elements = JSONParseStack<JSONValue>()
    /// Members of open objects; a key waiting for its value has `null`.
    private var members = JSONParseStack<JSONObject.Member>()
    private var error: JSONParseError?
    private var result: JSONValue?
    private var scratch: [UInt8] = []
    /// Short strings made before in this message.
    private var strings = JSONStringCache()

    /// The frame stack keeps its storage between messages up to this
    /// many entries.
    private static let keptCapacity = 1 << 12

    /// Readies the stacks for changes: call once before feeding tokens,
    /// within the same exclusive access.
    mutating func prepareForTokens() {
        elements.makeUnique()
        members.makeUnique()
    }

    /// Forgets the current message.
    mutating func reset() {
        expect = .topValue
        start = 0
        positions = [ByteKey: Int]()
        frames.removeAll(keepingCapacity: frames.capacity <= Self.keptCapacity)
        elements.removeAll()
        members.removeAll()
        error = nil
        result = nil
        strings.clear()
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

    /// Takes the next token of the message. (Inlined into the streamer,
    /// its only caller: one call less per token.)
    @inline(__always)
    mutating func accept(_ kind: JSONTokenKind, _ token: UnsafeBufferPointer<UInt8>) {
        switch expect {
        case .done:
            return
        case .objectColon:
            if kind == .colon {
                expect = .objectValue
            } else {
                fail("missing : in object pair")
            }
        case .objectSeparator:
            switch kind {
            case .rightBrace: closeObject()
            case .comma: expect = .objectKey
            default: fail("expected separator in dict")
            }
        case .arraySeparator:
            switch kind {
            case .rightBracket: closeArray()
            case .comma: expect = .arrayElement
            default: fail("expected separator in list")
            }
        case .objectFirst where kind == .rightBrace:
            closeObject()
        case .arrayFirst where kind == .rightBracket:
            closeArray()
        case .topValue, .arrayFirst, .arrayElement, .objectFirst, .objectKey, .objectValue:
            beginValue(kind, token)
        }
    }

    /// A token where a value must start.
    private mutating func beginValue(_ kind: JSONTokenKind, _ token: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .leftBrace:
            open(.objectFirst, at: members.count)
        case .leftBracket:
            open(.arrayFirst, at: elements.count)
        case .string:
            switch JSONStringDecoder.decode(token, scratch: &scratch) {
            case .success(let string): deliver(string)
            case .failure(let failure): fail(failure)
            }
        case .plainString:
            let body = UnsafeBufferPointer(rebasing: token[1..<token.count - 1])
            deliver(
                body.count <= JSONStringCache.maxCount
                    ? strings.string(body) : String(decoding: body, as: UTF8.self))
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

    /// Hands a finished string to the innermost container: as a key where
    /// one is expected (without wrapping it in a value first).
    @inline(__always)
    private mutating func deliver(_ string: consuming String) {
        switch expect {
        case .objectFirst, .objectKey:
            members.append(JSONObject.Member(key: string, value: .null))
            expect = .objectColon
        default:
            deliver(.string(string))
        }
    }

    /// Hands a finished value to the innermost container (or makes it the
    /// message's result).
    private mutating func deliver(_ value: consuming JSONValue) {
        switch expect {
        case .topValue:
            result = value
            expect = .done
        case .arrayFirst, .arrayElement:
            elements.append(value)
            expect = .arraySeparator
        case .objectFirst, .objectKey:
            guard case .string(let key) = value else {
                fail("key is not a string in object")
                return
            }
            members.append(JSONObject.Member(key: key, value: .null))
            expect = .objectColon
        case .objectValue:
            let last = members.count - 1
            guard addKey(at: last) else {
                fail("duplicate key")
                return
            }
            members.setLastValue(value)
            expect = .objectSeparator
        case .arraySeparator, .objectColon, .objectSeparator, .done:
            preconditionFailure("value delivered where none is expected")
        }
    }

    /// Records the key of `members[last]` in the innermost object; false
    /// when an earlier member has it already.
    @inline(__always)
    private mutating func addKey(at last: Int) -> Bool {
        if !positions.isEmpty {
            // A duplicate ends the message, so overwriting its entry is
            // harmless.
            let key = members.withEntries { ByteKey($0[last].key) }
            return positions.updateValue(last - start, forKey: key) == nil
        }
        let start = self.start
        let isDuplicate = members.withEntries { entries in
            entries[start..<last].contains { UTF8Bytes.equal($0.key, entries[last].key) }
        }
        if isDuplicate { return false }
        if last - start >= JSONObject.indexThreshold {
            positions = members.withEntries { entries in
                var index = [ByteKey: Int](minimumCapacity: 2 * (last - start + 1))
                for position in start...last { index[ByteKey(entries[position].key)] = position - start }
                return index
            }
        }
        return true
    }

    /// Opens a container whose entries will start at `entryStart`.
    private mutating func open(_ next: Expect, at entryStart: Int) {
        var index = [ByteKey: Int]()
        swap(&index, &positions)
        frames.append(Frame(expect: expect, start: start, positions: index))
        expect = next
        start = entryStart
    }

    /// Returns to the enclosing container, or to the top level.
    private mutating func close() {
        var frame = frames.removeLast()
        expect = frame.expect
        start = frame.start
        swap(&positions, &frame.positions)
    }

    private mutating func closeObject() {
        var index = [ByteKey: Int]()
        swap(&index, &positions)
        let object = JSONObject(distinctMembers: members.removeAll(from: start), positions: index)
        close()
        deliver(.object(object))
    }

    private mutating func closeArray() {
        let array = elements.removeAll(from: start)
        close()
        deliver(.array(array))
    }

    private mutating func fail(_ detail: String) {
        fail(.parser(detail))
    }

    private mutating func fail(_ failure: JSONParseError) {
        error = failure
        expect = .done
    }

    private func keywordIs(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard token.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<token.count where token[index] != expected[index] { return false }
        return true
    }
}
