/// One checked setting of a `pragma` directive, not yet applied: the
/// sequential reading applies it at once, a speculative one when it puts
/// the files together (`SpeculativeSchemaReader`).
enum QAPIPragmaSetting {
    /// `doc-required`.
    case docRequired(Bool)
    /// `command-name-exceptions`.
    case commandNameExceptions([String])
    /// `command-returns-exceptions`.
    case commandReturnsExceptions([String])
    /// `documentation-exceptions`.
    case documentationExceptions([String])
    /// `member-name-exceptions`.
    case memberNameExceptions([String])

    /// The setting `name: value`, or QEMU's error for it.
    init(name: String, value: SchemaValue, info: QAPISourceInfo) throws(QAPIError) {
        func stringList() throws(QAPIError) -> [String] {
            guard case .list(let items) = value else {
                throw QAPIError(info, "pragma \(name) must be a list of strings")
            }
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw QAPIError(info, "pragma \(name) must be a list of strings")
                }
                strings.append(text)
            }
            return strings
        }

        switch name {
        case "doc-required":
            guard case .bool(let flag) = value else {
                throw QAPIError(info, "pragma 'doc-required' must be boolean")
            }
            self = .docRequired(flag)
        case "command-name-exceptions":
            self = .commandNameExceptions(try stringList())
        case "command-returns-exceptions":
            self = .commandReturnsExceptions(try stringList())
        case "documentation-exceptions":
            self = .documentationExceptions(try stringList())
        case "member-name-exceptions":
            self = .memberNameExceptions(try stringList())
        default:
            throw QAPIError(info, "unknown pragma '\(name)'")
        }
    }

    /// Sets the setting in `pragma` (a later setting of the same name
    /// replaces an earlier one, as in QEMU).
    func apply(to pragma: QAPIPragma) {
        switch self {
        case .docRequired(let flag): pragma.docRequired = flag
        case .commandNameExceptions(let names): pragma.commandNameExceptions = names
        case .commandReturnsExceptions(let names): pragma.commandReturnsExceptions = names
        case .documentationExceptions(let names): pragma.documentationExceptions = names
        case .memberNameExceptions(let names): pragma.memberNameExceptions = names
        }
    }
}
