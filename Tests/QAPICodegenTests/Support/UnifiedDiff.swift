/// A line-based unified diff, to show why a golden file no longer
/// matches (longest common subsequence; golden files are small enough).
enum UnifiedDiff {
    /// The diff from `old` to `new` with `context` lines around each
    /// change, `-` for removed and `+` for added lines.
    static func between(_ old: String, _ new: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(a, b)
        var output: [String] = []
        var index = 0
        while index < edits.count {
            guard edits[index].mark != " " else {
                index += 1
                continue
            }
            var end = index
            while end < edits.count {
                if edits[end].mark == " " {
                    let run = edits[end...].prefix { $0.mark == " " }.count
                    if run > 2 * context || end + run == edits.count { break }
                    end += run
                } else {
                    end += 1
                }
            }
            let start = max(0, index - context)
            let stop = min(edits.count, end + context)
            let first = edits[start]
            output.append("@@ -\(first.oldLine + 1) +\(first.newLine + 1) @@")
            output += edits[start..<stop].map { String($0.mark) + $0.text }
            index = stop
        }
        return output.joined(separator: "\n")
    }

    private struct Edit {
        let mark: Character
        let text: Substring
        let oldLine: Int
        let newLine: Int
    }

    private static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(mark: " ", text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(mark: "-", text: a[i], oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(mark: "+", text: b[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }
}
