/// Builds Swift source text line by line with four-space indentation.
struct SwiftCodeWriter {
    /// The text so far.
    private(set) var text = ""
    private var depth = 0

    /// The width of the current indentation, in columns.
    var indentWidth: Int { depth * 4 }

    /// Appends `line` at the current indentation (an empty line stays empty).
    mutating func line(_ line: String = "") {
        if !line.isEmpty {
            for _ in 0..<depth { text += "    " }
            text += line
        }
        text += "\n"
    }

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

    /// Appends `raw` as it is, without indentation.
    mutating func appendRaw(_ raw: String) {
        text += raw
    }

    /// Appends `comment` as `///` lines; nothing when it is empty.
    mutating func docComment(_ comment: [String]) {
        for text in comment { line(text.isEmpty ? "///" : "/// " + text) }
    }
}
