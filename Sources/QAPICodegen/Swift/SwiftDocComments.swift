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

    /// The comment of member `member` of a definition documented by `doc`;
    /// a member inherited from a base type takes its text from the base's
    /// documentation.
    static func member(
        _ member: QAPISchemaObjectTypeMember, doc: QAPIDoc?, context: SwiftGenerationContext
    ) -> [String] {
        let owner = ownerDoc(of: member, default: doc, context: context)
        var lines = trimmedParagraph(owner?.argument(named: member.name)?.text)
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

    /// The description of `member` on one line, from the documentation of
    /// the type that defines it (`doc` for the type's own members).
    static func memberSummary(
        _ member: QAPISchemaObjectTypeMember, doc: QAPIDoc?, context: SwiftGenerationContext
    ) -> String? {
        memberSummary(member.name, doc: ownerDoc(of: member, default: doc, context: context))
    }

    /// The documentation of the definition `member` comes from: its base
    /// type's for an inherited member, `doc` otherwise (also for the
    /// implicit types of commands, events and union bases, which their
    /// definition documents).
    private static func ownerDoc(
        of member: QAPISchemaObjectTypeMember, default doc: QAPIDoc?, context: SwiftGenerationContext
    ) -> QAPIDoc? {
        guard let definition = context.schema.lookupEntity(member.definedIn), !definition.isImplicit,
            let ownDoc = definition.doc
        else { return doc }
        return ownDoc
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
            lines.append(codeVoiceReferences(String(decoding: bytes[first..<last], as: UTF8.self)))
            start = end + 1
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// `text` with QAPI's references (`@name`) in code voice (`` `name` ``),
    /// as Quick Help and DocC show code. An `@` inside a word (an address)
    /// stays; a name ends before trailing dots and hyphens.
    static func codeVoiceReferences(_ text: String) -> String {
        guard text.withContiguousUTF8({ $0.contains(UInt8(ascii: "@")) }) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let startsWord = index == 0 || !isNameByte(bytes[index - 1])
            if byte == UInt8(ascii: "@"), startsWord, index + 1 < bytes.count, isNameByte(bytes[index + 1]) {
                var end = index + 1
                while end < bytes.count && (isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: ".")) { end += 1 }
                while end > index + 2 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) {
                    end -= 1
                }
                result.append(UInt8(ascii: "`"))
                result += bytes[(index + 1)..<end]
                result.append(UInt8(ascii: "`"))
                index = end
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }
}
