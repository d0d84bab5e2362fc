import Testing

@testable import QAPICodegen

/// How doc comment prose is wrapped: at spaces, runs of spaces made one,
/// list items continued under their text, and the same lines whether the
/// text is ASCII (counted in bytes) or not (counted in characters).
@Suite struct SwiftDocWrapTests {
    @Test("short text stays whole")
    func shortText() {
        #expect(SwiftCodeWriter.wrap("Returns the VM's status.", width: 40) == ["Returns the VM's status."])
    }

    @Test("long prose breaks at spaces, one space between words")
    func prose() {
        let text = "The  quick brown fox jumps over the lazy dog and keeps running"
        #expect(
            SwiftCodeWriter.wrap(text, width: 20) == [
                "The quick brown fox", "jumps over the lazy", "dog and keeps", "running",
            ])
    }

    @Test("a list item's continuation lines up with its text")
    func listItem() {
        #expect(
            SwiftCodeWriter.wrap("  - alpha beta gamma delta epsilon", width: 16) == [
                "  - alpha beta", "    gamma delta", "    epsilon",
            ])
    }

    @Test("a word longer than the width gets a line of its own")
    func longWord() {
        #expect(
            SwiftCodeWriter.wrap("see https://example.org/a/very/long/path here", width: 12) == [
                "see", "https://example.org/a/very/long/path", "here",
            ])
    }

    @Test("text indented four or more (code, tables) is not wrapped")
    func code() {
        let text = "    let x = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8"
        #expect(SwiftCodeWriter.wrap(text, width: 10) == [text])
    }

    @Test("non-ASCII text breaks where the same ASCII text breaks")
    func nonASCII() {
        let ascii = SwiftCodeWriter.wrap("cafe noir and cafe au lait with creme", width: 14)
        let accented = SwiftCodeWriter.wrap("café noir and café au lait with crème", width: 14)
        #expect(ascii == ["cafe noir and", "cafe au lait", "with creme"])
        #expect(accented == ["café noir and", "café au lait", "with crème"])
    }
}
