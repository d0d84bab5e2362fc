/// The streamer: depth counting, message boundaries and limits.
extension JSONStreamParser {
    /// Takes a finished token of `length` bytes (its text is in `token`
    /// unless it is structural): counts depth, enforces the limits in
    /// QEMU's order, passes it to the parser and ends the message when
    /// the depth counts say so.
    mutating func streamToken(_ kind: JSONTokenKind, length: Int) {
        switch kind {
        case .leftBrace: braces += 1
        case .rightBrace: braces -= 1
        case .leftBracket: brackets += 1
        case .rightBracket: brackets -= 1
        default: break
        }
        if tokenBytes + length + 1 > limits.maxTokenBytes {
            limitError(.tokenSizeLimit)
            return
        }
        if tokenCount + 1 > limits.maxTokenCount {
            limitError(.tokenCountLimit)
            return
        }
        if braces + brackets > limits.maxNesting {
            limitError(.nestingLimit)
            return
        }
        tokenBytes += length
        tokenCount += 1
        switch kind {
        case .integer, .float, .keyword, .string:
            token.withUnsafeBufferPointer { parser.accept(kind, $0) }
        case .leftBrace, .rightBrace, .leftBracket, .rightBracket, .colon, .comma:
            parser.accept(kind, UnsafeBufferPointer(start: nil, count: 0))
        }
        if (braces > 0 || brackets > 0) && braces >= 0 && brackets >= 0 {
            return
        }
        pending.append(parser.finishMessage())
        resetMessage()
    }

    private mutating func limitError(_ error: JSONParseError) {
        pending.append(.failure(error))
        resetMessage()
    }

    /// Drops the current message's tokens and depth counts.
    mutating func resetMessage() {
        braces = 0
        brackets = 0
        tokenCount = 0
        tokenBytes = 0
        parser.reset()
    }
}
