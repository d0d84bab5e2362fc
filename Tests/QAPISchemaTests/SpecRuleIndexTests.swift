import Foundation
import QAPITestSupport
import Testing

/// `Docs/SpecRules.md` keeps up with the code: every rule id that a comment
/// cites after the word "spec" (a list such as `spec R5–R12 and O4, O5`, a
/// section letter alone, comment markers between lines allowed), or that a
/// test name starts with (`testT4...`), is listed in the index; and the
/// index lists exactly the rule ids of `../shared/spec/qmp-behavior.md`.
@Suite struct SpecRuleIndexTests {
    /// One cited rule id and where it is.
    struct Citation: CustomStringConvertible {
        let id: String
        let file: String
        let line: Int

        var description: String { "\(file):\(line): \(id)" }
    }

    /// The rule ids of `Docs/SpecRules.md`, in order: one per line that
    /// starts with `- **X9**`.
    static func indexedIDs() throws -> [String] {
        let index = TestEnvironment.repositoryRoot.appendingPathComponent("Docs/SpecRules.md")
        return matches(of: #"(?m)^- \*\*([A-Z][0-9]+)\*\* \S"#, in: try String(contentsOf: index, encoding: .utf8))
            .map(\.captured)
    }

    /// Every rule id cited in the Swift files under `Sources/` and `Tests/`.
    static func citations() throws -> [Citation] {
        let id = #"[A-Z](?:[0-9]{1,2})?\b"#
        let item = id + #"(?:\s*\([^()]*\))?"#
        let gap = #"(?:\s|/)*"#
        let separator = "(?:" + gap + "(?:,|–|-|/|and|or))+" + gap
        let list = #"\b[Ss]pec(?:\s|/)+("# + item + "(?:" + separator + item + ")*)"
        var found: [Citation] = []
        for root in ["Sources", "Tests"] {
            let folder = TestEnvironment.repositoryRoot.appendingPathComponent(root)
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                let file = String(url.path.dropFirst(TestEnvironment.repositoryRoot.path.count + 1))
                for match in matches(of: list, in: text) {
                    let withoutNotes = match.captured.replacingOccurrences(
                        of: #"\([^()]*\)"#, with: "", options: .regularExpression)
                    for cited in matches(of: #"\b([A-Z](?:[0-9]{1,2})?)\b"#, in: withoutNotes) {
                        found.append(Citation(id: cited.captured, file: file, line: match.line))
                    }
                }
                for match in matches(of: #"func test([A-Z][0-9]{1,2})(?=[A-Z])"#, in: text) {
                    found.append(Citation(id: match.captured, file: file, line: match.line))
                }
            }
        }
        return found
    }

    @Test("the index lists every rule id once")
    func indexHasNoDuplicates() throws {
        let ids = try Self.indexedIDs()
        #expect(!ids.isEmpty, "Docs/SpecRules.md lists no rule")
        #expect(
            Set(ids).count == ids.count,
            "listed twice: \(Set(ids.filter { id in ids.filter { $0 == id }.count > 1 }).sorted())")
    }

    @Test("every rule id cited in Sources/ and Tests/ is in the index")
    func everyCitedRuleIsIndexed() throws {
        let ids = Set(try Self.indexedIDs())
        let sections = Set(ids.map { String($0.prefix(1)) })
        let citations = try Self.citations()
        #expect(citations.count > 100, "the scan found only \(citations.count) citations; is the pattern broken?")
        let unknown = citations.filter { !ids.contains($0.id) && !sections.contains($0.id) }
        #expect(unknown.isEmpty, "not in Docs/SpecRules.md:\n\(unknown.map(\.description).joined(separator: "\n"))")
    }

    @Test("the index lists exactly the rule ids of the specification")
    func indexMatchesSpecification() throws {
        let spec = try TestEnvironment.sharedFile("spec/qmp-behavior.md")
        let specified = Self.matches(of: #"\*\*([A-Z][0-9]+)[. ]"#, in: try String(contentsOf: spec, encoding: .utf8))
            .map(\.captured)
        #expect(specified.count > 90, "found only \(specified.count) rule ids in \(spec.path)")
        let indexed = try Self.indexedIDs()
        let missing = specified.filter { !indexed.contains($0) }
        let extra = indexed.filter { !specified.contains($0) }
        #expect(missing == [], "missing from Docs/SpecRules.md")
        #expect(extra == [], "in Docs/SpecRules.md but not in the specification")
        if missing.isEmpty && extra.isEmpty {
            #expect(indexed == specified, "Docs/SpecRules.md is not in the specification's order")
        }
    }

    /// The first capture group of every match of `pattern` in `text`, with
    /// the line the match starts on.
    private static func matches(of pattern: String, in text: String) -> [(captured: String, line: Int)] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        let source = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: source.length)).map { match in
            let prefix = source.substring(to: match.range.location)
            let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return (source.substring(with: match.range(at: 1)), line)
        }
    }
}
