/// A documentation comment block (`##` ... `##`): either free-form text, or
/// the documentation of one definition (`# @symbol:` on its first line).
///
/// A definition block has an untagged body, one description per member
/// (`@name:`) and per feature (after `Features:`), and further sections:
/// untagged paragraphs or tagged ones (`Returns:`, `Errors:`, `Since:`,
/// `TODO:`). The schema connects each description to the member or
/// feature it documents and reports what is missing or left over.
public final class QAPIDoc {
    /// What a section is.
    public enum Kind: Sendable, Hashable {
        /// Untagged text (the body, or a paragraph between sections).
        case plain
        /// `@name:` describing a member or argument.
        case member
        /// `@name:` after `Features:`.
        case feature
        /// `Returns:`.
        case returns
        /// `Errors:`.
        case errors
        /// `Since:`.
        case since
        /// `TODO:`.
        case todo

        /// The kind for a section tag as written (`Returns`, `TODO`, ...).
        init?(tag: String) {
            switch tag {
            case "Returns": self = .returns
            case "Errors": self = .errors
            case "Since": self = .since
            case "TODO": self = .todo
            default: return nil
            }
        }

        /// The kind's name as QEMU prints it (`Plain`, `Returns`, `Todo`, ...).
        public var title: String {
            switch self {
            case .plain: return "Plain"
            case .member: return "Member"
            case .feature: return "Feature"
            case .returns: return "Returns"
            case .errors: return "Errors"
            case .since: return "Since"
            case .todo: return "Todo"
            }
        }
    }

    /// One section of a block.
    public final class Section {
        /// Where the section begins.
        public fileprivate(set) var info: QAPISourceInfo
        /// What the section is.
        public let kind: Kind
        /// The text, without its tag; leading and trailing newlines are
        /// removed when the block ends.
        public fileprivate(set) var text = ""
        /// For member and feature descriptions: the name described.
        public let name: String?
        /// For member and feature descriptions: whether the schema found the
        /// member or feature described.
        public fileprivate(set) var isConnected = false

        init(info: QAPISourceInfo, kind: Kind, name: String? = nil) {
            self.info = info
            self.kind = kind
            self.name = name
        }

        fileprivate func appendLine(_ line: String) {
            text += line
            text += "\n"
        }
    }

    /// The first line of the block.
    public let info: QAPISourceInfo
    /// The documented definition's name, `nil` for free-form documentation.
    public let symbol: String?
    /// Every section in textual order, the body first (plus stubs the
    /// schema inserts for undocumented members and return values).
    public private(set) var allSections: [Section]
    /// The body: the untagged text right after the symbol line.
    public var body: Section { allSections[0] }
    /// Member descriptions in the order written, by name.
    public private(set) var arguments: [Section] = []
    /// Feature descriptions in the order written.
    public private(set) var features: [Section] = []
    /// The `Returns:` section.
    public private(set) var returns: Section?
    /// The `Errors:` section.
    public private(set) var errors: Section?
    /// The `Since:` section.
    public private(set) var since: Section?
    /// Sections other than the body and the descriptions, in order.
    public private(set) var sections: [Section] = []
    private var argumentsByName: [String: Section] = [:]
    private var featuresByName: [String: Section] = [:]

    /// Starts a block at `info`, documenting `symbol` if given.
    public init(info: QAPISourceInfo, symbol: String? = nil) {
        self.info = info
        self.symbol = symbol
        allSections = [Section(info: info, kind: .plain)]
    }

    /// The description of member `name`, if written.
    public func argument(named name: String) -> Section? {
        argumentsByName[name]
    }

    /// The description of feature `name`, if written.
    public func feature(named name: String) -> Section? {
        featuresByName[name]
    }

    // MARK: Building (used by the parser)

    /// Appends a line to the section being written.
    func appendLine(_ line: String) {
        allSections[allSections.count - 1].appendLine(line)
    }

    /// Continues the current untagged section with a paragraph break, or
    /// starts a new untagged section at `info`.
    func ensureUntaggedSection(_ info: QAPISourceInfo) {
        if let last = allSections.last, last.kind == .plain {
            if last.text.isEmpty { last.info = info }
            last.text += "\n"
            return
        }
        let section = Section(info: info, kind: .plain)
        sections.append(section)
        allSections.append(section)
    }

    /// Starts a tagged section; `Returns`, `Errors` and `Since` may appear once.
    func newTaggedSection(_ info: QAPISourceInfo, kind: Kind) throws(QAPIError) {
        let section = Section(info: info, kind: kind)
        switch kind {
        case .returns:
            if returns != nil { throw QAPIError(info, "duplicated '\(kind.title)' section") }
            returns = section
        case .errors:
            if errors != nil { throw QAPIError(info, "duplicated '\(kind.title)' section") }
            errors = section
        case .since:
            if since != nil { throw QAPIError(info, "duplicated '\(kind.title)' section") }
            since = section
        default:
            break
        }
        sections.append(section)
        allSections.append(section)
    }

    /// Starts the description of member `name`.
    func newArgument(_ info: QAPISourceInfo, name: String) throws(QAPIError) {
        let section = try newDescription(info, name: name, kind: .member, existing: argumentsByName)
        arguments.append(section)
        argumentsByName[name] = section
    }

    /// Starts the description of feature `name`.
    func newFeature(_ info: QAPISourceInfo, name: String) throws(QAPIError) {
        let section = try newDescription(info, name: name, kind: .feature, existing: featuresByName)
        features.append(section)
        featuresByName[name] = section
    }

    private func newDescription(
        _ info: QAPISourceInfo, name: String, kind: Kind, existing: [String: Section]
    ) throws(QAPIError) -> Section {
        if name.isEmpty { throw QAPIError(info, "invalid parameter name") }
        if existing[name] != nil {
            throw QAPIError(info, "'\(name)' parameter name duplicated")
        }
        let section = Section(info: info, kind: kind, name: name)
        allSections.append(section)
        return section
    }

    /// Finishes the block: trims each section's text and requires text
    /// after every tag.
    func end() throws(QAPIError) {
        for section in allSections {
            section.text = section.text.trimmingNewlines()
            if section.kind != .plain && section.text.isEmpty {
                throw QAPIError(section.info, "text required after '\(section.kind.title):'")
            }
        }
    }

    // MARK: Connecting (used by the schema)

    /// Connects the description of member `name` (whose `role` is
    /// `member`, `argument`, `value`, `branch`, ...), or inserts an empty
    /// stub after the last member description when the definition is in
    /// `documentation-exceptions`; otherwise an undocumented member is an error.
    public func connectMember(name: String, role: String, info: QAPISourceInfo) throws(QAPIError) {
        if let section = argument(named: name) {
            section.isConnected = true
            return
        }
        guard let symbol, info.pragma.documentationExceptions.contains(symbol) else {
            throw QAPIError(info, "\(role) '\(name)' lacks documentation")
        }
        let stub = Section(info: self.info, kind: .member, name: name)
        stub.isConnected = true
        arguments.append(stub)
        argumentsByName[name] = stub
        var index = 1
        while index < allSections.count, allSections[index].kind == .member { index += 1 }
        allSections.insert(stub, at: min(index, allSections.count))
    }

    /// Connects the description of feature `name`; an undocumented feature
    /// is an error.
    public func connectFeature(name: String, info: QAPISourceInfo) throws(QAPIError) {
        guard let section = feature(named: name) else {
            throw QAPIError(info, "feature '\(name)' lacks documentation")
        }
        section.isConnected = true
    }

    /// Makes sure a command that returns something has a `Returns` section
    /// in `allSections`, inserting an empty stub where it reads best: after
    /// the member descriptions, else before `Errors`, else before the
    /// features, else right after the body.
    public func ensureReturns(info: QAPISourceInfo) {
        if allSections.contains(where: { $0.kind == .returns }) { return }
        let stub = Section(info: info, kind: .returns)
        for (kind, after) in [(Kind.member, true), (.errors, false), (.feature, false)] {
            if let last = allSections.lastIndex(where: { $0.kind == kind }) {
                allSections.insert(stub, at: after ? last + 1 : last)
                return
            }
        }
        allSections.insert(stub, at: 1)
    }

    /// Checks the block's tagged sections against the definition it documents.
    public func checkExpression(_ expression: QAPIExpression) throws(QAPIError) {
        if expression.members.contains("command") {
            if let returns, !expression.members.contains("returns") {
                throw QAPIError(returns.info, "'Returns' section, but command doesn't return anything")
            }
        } else {
            if let returns {
                throw QAPIError(returns.info, "'Returns' section is only valid for commands")
            }
            if let errors {
                throw QAPIError(errors.info, "'Errors' section is only valid for commands")
            }
        }
    }

    /// Reports descriptions of members or features that do not exist.
    public func check() throws(QAPIError) {
        try Self.checkConnected(arguments, what: "member")
        try Self.checkConnected(features, what: "feature")
    }

    private static func checkConnected(_ descriptions: [Section], what: String) throws(QAPIError) {
        let bogus = descriptions.filter { !$0.isConnected }
        guard let first = bogus.first else { return }
        let names = bogus.map { $0.name ?? "" }.joined(separator: "', '")
        let plural = bogus.count > 1
        throw QAPIError(
            first.info,
            "documented \(what)\(plural ? "s" : "") '\(names)' \(plural ? "do" : "does") not exist")
    }
}

extension String {
    /// The string without leading and trailing `\n` characters.
    func trimmingNewlines() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: "\n") }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != UInt8(ascii: "\n") })!
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }
}
