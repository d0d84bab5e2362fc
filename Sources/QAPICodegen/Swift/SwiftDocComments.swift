import QAPISchema

/// Turns the schema's doc blocks into the lines of `///` comments.
///
/// The text is carried over as written (QAPI's doc markup is close enough
/// to Markdown to read well in Quick Help); features and `Since:` become
/// callouts, and every definition ends with a remark naming its QAPI
/// definition and schema module.
enum SwiftDocComments {
    /// The comment of definition `definition`, described as `what` in
    /// the closing remark (`struct`, `command`, ...).
    static func definition(
        _ definition: QAPISchemaDefinition, what: String, context: SwiftGenerationContext,
        parameters: [String] = []
    ) -> [String] {
        let doc = definition.doc
        var lines = paragraph(doc?.body.text)
        var callouts = parameters
        for feature in definition.features where context.isIncluded(feature.ifcond) {
            callouts.append(featureCallout(feature, doc: doc))
        }
        if let returns = doc?.returns?.text, !returns.isEmpty {
            callouts.append(contentsOf: callout("Returns", returns))
        }
        if let errors = doc?.errors?.text, !errors.isEmpty {
            callouts.append(contentsOf: callout("Throws", errors))
        }
        if let since = doc?.since?.text, !since.isEmpty {
            callouts.append(contentsOf: callout("Since", since))
        }
        let module = definition.moduleName
        callouts.append("- Remark: QAPI \(what) `\(definition.name)`, from `\(module)`.")
        if !lines.isEmpty { lines.append("") }
        return lines + callouts
    }

    /// The comment of member `member` of a definition documented by `doc`.
    static func member(
        _ member: QAPISchemaObjectTypeMember, doc: QAPIDoc?, context: SwiftGenerationContext
    ) -> [String] {
        var lines = trimmedParagraph(doc?.argument(named: member.name)?.text)
        if lines.isEmpty { lines = ["The `\(member.name)` member."] }
        let features = member.features.filter { context.isIncluded($0.ifcond) }
        if !features.isEmpty {
            lines.append("")
            for feature in features { lines.append(featureCallout(feature, doc: nil)) }
        }
        return lines
    }

    /// The comment of enum value `value` of an enum documented by `doc`.
    static func value(_ value: QAPISchemaEnumMember, doc: QAPIDoc?, context: SwiftGenerationContext) -> [String] {
        var lines = trimmedParagraph(doc?.argument(named: value.name)?.text)
        if lines.isEmpty { lines = ["The value `\(value.name)`."] }
        let features = value.features.filter { context.isIncluded($0.ifcond) }
        if !features.isEmpty {
            lines.append("")
            for feature in features { lines.append(featureCallout(feature, doc: nil)) }
        }
        return lines
    }

    private static func featureCallout(_ feature: QAPISchemaFeature, doc: QAPIDoc?) -> String {
        let text = doc?.feature(named: feature.name)?.text ?? ""
        let flat = trimmedParagraph(text).joined(separator: " ")
        return flat.isEmpty ? "- Note: Feature `\(feature.name)`." : "- Note: Feature `\(feature.name)`: \(flat)"
    }

    private static func callout(_ name: String, _ text: String) -> [String] {
        let lines = trimmedParagraph(text)
        guard let first = lines.first else { return [] }
        if first.hasPrefix("- ") {
            // A list: the callout's items become nested list items.
            return ["- \(name):"] + lines.map { $0.isEmpty ? "" : "  " + $0 }
        }
        return ["- \(name): \(first)"] + lines.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
    }

    /// The description of member `name` in `doc` on one line, or nil.
    static func memberSummary(_ name: String, doc: QAPIDoc?) -> String? {
        let lines = trimmedParagraph(doc?.argument(named: name)?.text)
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// `paragraph(text)` with each line's leading spaces removed too (the
    /// continuation lines of a description are indented in the schema).
    static func trimmedParagraph(_ text: String?) -> [String] {
        lines(of: text, trimLeading: true)
    }

    /// `text` split into lines without trailing spaces or blank edges.
    static func paragraph(_ text: String?) -> [String] {
        lines(of: text, trimLeading: false)
    }

    private static func lines(of text: String?, trimLeading: Bool) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var first = start, last = end
            if trimLeading { while first < last && isBlank(bytes[first]) { first += 1 } }
            while last > first && isBlank(bytes[last - 1]) { last -= 1 }
            lines.append(String(decoding: bytes[first..<last], as: UTF8.self))
            start = end + 1
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
