/// How strictly values are read: the policy belongs to the decoder, not
/// to the types, so one set of generated types serves a server (strict,
/// with QEMU's errors) and a client (tolerant of a newer peer).
public struct QAPIDecodingOptions: Sendable {
    /// The compat policy for deprecated and unstable input (spec A6, A12).
    public var compat: QAPICompatPolicy
    /// Whether what this build does not know is accepted: a member the
    /// type lacks is skipped, an enum value it lacks becomes the enum's
    /// `unknown` case, a union branch it lacks becomes the union's
    /// `unknown` branch. Strict decoding (a server's) rejects all three
    /// with QEMU's errors.
    public var isTolerant: Bool
    /// Told about everything tolerance let through, with its member path;
    /// nil when nobody listens (then no path is tracked).
    public var driftHandler: (@Sendable (QAPIDrift) -> Void)?

    /// Options from their parts; by default strict, accepting deprecated
    /// and unstable input, as a QEMU server does.
    public init(
        compat: QAPICompatPolicy = QAPICompatPolicy(), isTolerant: Bool = false,
        driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil
    ) {
        self.compat = compat
        self.isTolerant = isTolerant
        self.driftHandler = driftHandler
    }

    /// Tells the drift handler that an event set met an event the schema
    /// does not have.
    public func reportUnknownEvent() {
        driftHandler?(QAPIDrift(kind: .unknownEvent, path: "<root>"))
    }

    /// A server's decoding: strict, QEMU's errors.
    public static let strict = QAPIDecodingOptions()

    /// A client's decoding: tolerant of a newer peer; `driftHandler`
    /// hears what this build did not know.
    public static func tolerant(driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil) -> QAPIDecodingOptions {
        QAPIDecodingOptions(isTolerant: true, driftHandler: driftHandler)
    }
}

/// Something a tolerant decoder let through because this build does not
/// know it: the sign of a peer newer than the schema.
public struct QAPIDrift: Sendable, Hashable, CustomStringConvertible {
    /// What was unknown.
    public enum Kind: Sendable, Hashable {
        /// An object member the type does not have; it was skipped.
        case unknownMember
        /// An enum value the type does not have; it was kept as `unknown`.
        case unknownEnumValue(String)
        /// A union discriminator value the type does not have; the union
        /// was kept with its `unknown` branch.
        case unknownBranch(String)
        /// A value that did not decode at all (an event whose data lacks
        /// a mandatory member, say); it was skipped. The text says why.
        case undecodable(String)
        /// An event the schema does not have; it was kept as it came (an
        /// event set's `unknown` case). The origin names it.
        case unknownEvent
    }

    /// What was unknown.
    public var kind: Kind
    /// Where, as a member path from the decoded value (`a.b[2].c`;
    /// `<root>` for the value itself).
    public var path: String
    /// What the value belongs to, when the reader knows (a command or
    /// event name; a QMP client sets it and roots `path` at `return` or
    /// `data`); nil otherwise.
    public var origin: String?

    /// A drift report.
    public init(kind: Kind, path: String, origin: String? = nil) {
        self.kind = kind
        self.path = path
        self.origin = origin
    }

    /// One line for a log.
    public var description: String {
        let prefix = origin.map { "\($0): " } ?? ""
        switch kind {
        case .unknownMember: return prefix + "unknown member '\(path)'"
        case .unknownEnumValue(let value): return prefix + "unknown value '\(value)' at '\(path)'"
        case .unknownBranch(let value): return prefix + "unknown union branch '\(value)' at '\(path)'"
        case .undecodable(let reason): return prefix + "skipped, undecodable at '\(path)': \(reason)"
        case .unknownEvent: return prefix + "unknown event, kept as it came"
        }
    }
}

/// The path of the value being decoded, kept only while a drift handler
/// listens: each level points to its parent.
public final class QAPIDecodingPath: Sendable {
    @usableFromInline let parent: QAPIDecodingPath?
    @usableFromInline let step: QAPIDecodingError.Step

    @usableFromInline
    init(parent: QAPIDecodingPath?, step: QAPIDecodingError.Step) {
        self.parent = parent
        self.step = step
    }

    /// The path as text, `a.b[2]`, below `root`.
    static func text(_ path: QAPIDecodingPath?, appending last: QAPIDecodingError.Step? = nil) -> String {
        var steps: [QAPIDecodingError.Step] = last.map { [$0] } ?? []
        var level = path
        while let current = level {
            steps.append(current.step)
            level = current.parent
        }
        return steps.isEmpty ? "<root>" : QAPIDecodingError.render(reversedPath: steps)
    }
}
