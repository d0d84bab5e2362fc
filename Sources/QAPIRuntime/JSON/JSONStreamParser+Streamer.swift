/// The streamer: depth counting, message boundaries and limits.
extension JSONStreamParser {
    /// Takes a finished token whose text is `text` (ignored, and counted
    /// as one byte, for a structural token): counts depth, enforces the
    /// limits in QEMU's order, passes it to the parser and ends the
    /// message when the depth counts say so. (Inlined into its callers,
    /// the lexer's paths: one call less per token.)
    @inline(__always)
    mutating func streamToken(_ kind: JSONTokenKind, _ text: UnsafeBufferPointer<UInt8>) {
        // Counts stay far from overflowing (they are bounded by the
        // limits and by memory): wrapping arithmetic saves the checks.
        var length = 1
        switch kind {
        case .leftBrace: braces &+= 1
        case .rightBrace: braces &-= 1
        case .leftBracket: brackets &+= 1
        case .rightBracket: brackets &-= 1
        case .colon, .comma: break
        case .integer, .float, .keyword, .string, .plainString: length = text.count
        }
        if tokenBytes &+ length &+ 1 > limits.maxTokenBytes {
            limitError(.tokenSizeLimit)
            return
        }
        if tokenCount &+ 1 > limits.maxTokenCount {
            limitError(.tokenCountLimit)
            return
        }
        if braces &+ brackets > limits.maxNesting {
            limitError(.nestingLimit)
            return
        }
        tokenBytes &+= length
        tokenCount &+= 1
        parser.accept(kind, text)
        // QEMU waits for more while (braces > 0 || brackets > 0) &&
        // braces >= 0 && brackets >= 0: exactly when the bitwise or of
        // the two is positive (a negative count sets its sign bit).
        if braces | brackets > 0 { return }
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
