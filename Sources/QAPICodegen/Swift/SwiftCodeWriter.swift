/// Builds Swift source text line by line with four-space indentation.
///
/// The text is kept as UTF-8 bytes: appending a string's bytes to an
/// array costs a fraction of appending it to a `String`, and the writers
/// append some million pieces for QEMU's schema.
struct SwiftCodeWriter {
    /// The text so far, as UTF-8.
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    /// The text so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The width of the current indentation, in columns.
    var indentWidth: Int { depth * 4 }

    /// Appends `line` at the current indentation (an empty line stays empty).
    mutating func line(_ line: String = "") {
        if !line.isEmpty {
            indent()
            bytes.append(contentsOf: line.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends the current indentation.
    private mutating func indent() {
        if depth < Self.indentations.count {
            bytes.append(contentsOf: Self.indentations[depth])
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 4))
        }
    }

    /// The indentation of each of the first few depths, appended at once.
    private static let indentations = (0..<8).map { [UInt8](repeating: UInt8(ascii: " "), count: $0 * 4) }

    /// Appends `opening`, the lines `body` writes one level deeper, and `closing`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout SwiftCodeWriter) -> Void) {
        line(opening)
        depth += 1
        body(&self)
        depth -= 1
        line(closing)
    }

    /// Appends a `switch` statement: `opening`, then the cases `body`
    /// writes at the statement's own indentation, as Swift style has it.
    mutating func switchBlock(_ opening: String, _ body: (inout SwiftCodeWriter) -> Void) {
        line(opening)
        body(&self)
        line("}")
    }

    /// Appends the lines `body` writes one level deeper.
    mutating func indented(_ body: (inout SwiftCodeWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// Appends a declaration head: `opening`, the `parameters` separated
    /// by commas, and `closing`, on one line when it fits `lineLimit`,
    /// otherwise one parameter per line.
    mutating func signature(_ opening: String, _ parameters: [String], _ closing: String) {
        let oneLine = opening + parameters.joined(separator: ", ") + closing
        if parameters.isEmpty || indentWidth + oneLine.count <= Self.lineLimit {
            line(oneLine)
            return
        }
        line(opening)
        indented { writer in
            for (index, parameter) in parameters.enumerated() {
                writer.line(parameter + (index < parameters.count - 1 ? "," : ""))
            }
        }
        line(closing)
    }

    /// Appends this writer's text to `writer` under a mark naming the
    /// section that holds the codec; nothing when it is empty.
    func append(to writer: inout SwiftCodeWriter) {
        guard !bytes.isEmpty else { return }
        writer.line()
        writer.line("// MARK: - Support for the runtime: the codec, out of the way of the data types")
        writer.appendRaw(bytes)
    }

    /// Appends `raw` as it is, without indentation.
    mutating func appendRaw(_ raw: String) {
        bytes.append(contentsOf: raw.utf8)
    }

    /// Appends `raw` (UTF-8) as it is, without indentation.
    mutating func appendRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Makes room for `count` more bytes of text at once, instead of
    /// growing the text step by step.
    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// The longest generated line, indentation included (the
    /// introspection payload aside).
    static let lineLimit = 120

    /// Appends `comment` as `///` lines, wrapping prose longer than
    /// `lineLimit` at spaces (indented lines, which are code or tables,
    /// stay whole); nothing when it is empty.
    mutating func docComment(_ comment: [String]) {
        let width = Self.lineLimit - indentWidth - 4
        for paragraph in comment {
            if paragraph.isEmpty {
                line("///")
                continue
            }
            for piece in Self.wrap(paragraph, width: width) {
                indent()
                bytes.append(contentsOf: "/// ".utf8)
                bytes.append(contentsOf: piece.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// `text` in lines of at most `width` characters where it can break
    /// at a space; a continuation keeps the line's indentation, plus two
    /// for a list item's text.
    static func wrap(_ text: String, width: Int) -> [String] {
        let leading = text.prefix { $0 == " " }.count
        guard leading < 4, text.utf8.count > width, text.count > width else { return [text] }
        let isListItem = text.dropFirst(leading).hasPrefix("- ")
        let continuationWidth = leading + (isListItem ? 2 : 0)
        if let lines = text.withContiguousUTF8({ bytes in
            bytes.allSatisfy { $0 < 0x80 }
                ? wrapASCII(bytes, leading: leading, continuationWidth: continuationWidth, width: width) : nil
        }) {
            return lines
        }
        let continuation = String(repeating: " ", count: continuationWidth)
        var lines: [String] = []
        // Lengths are counted in characters, kept beside the strings so
        // that no line is counted again for each word.
        var current = String(text.prefix(leading))
        var currentCount = leading
        var currentIsEmpty = true
        for word in text.dropFirst(leading).split(separator: " ") {
            let wordCount = word.count
            if !currentIsEmpty && currentCount + 1 + wordCount > width {
                lines.append(current)
                current = continuation
                currentCount = continuation.count
                currentIsEmpty = true
            }
            if !currentIsEmpty {
                current += " "
                currentCount += 1
            }
            current += word
            currentCount += wordCount
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }

    /// `wrap` for ASCII text, where characters are bytes: the same lines,
    /// found without counting characters.
    private static func wrapASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, leading: Int, continuationWidth: Int, width: Int
    ) -> [String] {
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var current = [UInt8](repeating: space, count: leading)
        current.reserveCapacity(width + 1)
        var currentIsEmpty = true
        var start = leading
        while start < bytes.count {
            if bytes[start] == space {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count && bytes[end] != space { end += 1 }
            if !currentIsEmpty && current.count + 1 + (end - start) > width {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: repeatElement(space, count: continuationWidth))
                currentIsEmpty = true
            }
            if !currentIsEmpty { current.append(space) }
            current.append(contentsOf: bytes[start..<end])
            currentIsEmpty = false
            start = end
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }
}
