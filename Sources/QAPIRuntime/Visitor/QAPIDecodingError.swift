/// A decoding failure on its way out of generated code.
///
/// Texts that name the full member path (`backend.data.addr`) are kept
/// as a template plus the path, which each enclosing object member and
/// list element extends as the error propagates; `qmpError` writes the
/// text once, at the top. Texts that use the short name are final when
/// thrown.
public struct QAPIDecodingError: Error, Sendable {
    /// What went wrong.
    @usableFromInline
    enum Problem: Sendable {
        /// `Parameter 'FULL' is missing`.
        case missing
        /// `Invalid parameter type for 'FULL', expected: KIND`.
        case invalidType(String)
        /// `Parameter 'FULL' expects TYPE`.
        case expects(String)
        /// `Parameter 'FULL' is unexpected`.
        case unexpected
        /// A finished error that needs no path.
        case final(QMPError)
    }

    /// One step of a member path.
    public enum Step: Sendable {
        /// An object member.
        case member(String)
        /// A list element.
        case index(Int)

        /// The member's name; nil for a list element (QEMU's short name
        /// for it is `null`).
        @inlinable
        var memberName: String? {
            switch self {
            case .member(let name): return name
            case .index: return nil
            }
        }
    }

    /// The problem and its path, behind one reference: a thrown error is
    /// then a single word, which every member read of generated code
    /// passes on its error path (a wider error costs each of them a copy
    /// field by field, a large share of a build of generated code).
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let problem: Problem
        @usableFromInline let reversedPath: [Step]

        @usableFromInline
        init(_ problem: Problem, reversedPath: [Step]) {
            self.problem = problem
            self.reversedPath = reversedPath
        }
    }

    /// The problem and path of this error; shared by copies, never changed.
    @usableFromInline let storage: Storage

    /// What went wrong.
    @usableFromInline var problem: Problem { storage.problem }
    /// The path, innermost step first.
    @usableFromInline var reversedPath: [Step] { storage.reversedPath }

    @usableFromInline
    init(_ problem: Problem, at path: [Step] = []) {
        storage = Storage(problem, reversedPath: path)
    }

    /// `Invalid parameter type for 'FULL', expected: KIND`, KIND being
    /// one of QEMU's words (`object`, `array`, `integer`, `boolean`,
    /// `string`, `number`, `null`).
    @usableFromInline
    static func invalidType(expected kind: String) -> QAPIDecodingError {
        QAPIDecodingError(.invalidType(kind))
    }

    /// `Parameter 'FULL' expects TYPE` (the uint64 text, spec A4).
    @usableFromInline
    static func expects(_ type: String) -> QAPIDecodingError {
        QAPIDecodingError(.expects(type))
    }

    /// An error whose text is already complete.
    public static func final(_ error: QMPError) -> QAPIDecodingError {
        QAPIDecodingError(.final(error))
    }

    /// Records that the failing value sits one level deeper, under `step`.
    @usableFromInline
    func within(_ step: Step) -> QAPIDecodingError {
        if case .final = problem { return self }
        return QAPIDecodingError(problem, at: reversedPath + [step])
    }

    /// The full path as QEMU prints it: members joined by `.`, list
    /// elements as `[i]`, `<anonymous>` for the root itself.
    var fullPath: String {
        if reversedPath.isEmpty { return "<anonymous>" }
        return Self.render(reversedPath: reversedPath)
    }

    /// A path, innermost step first, as text: members joined by `.`, list
    /// elements as `[i]`.
    static func render(reversedPath: [Step]) -> String {
        var text = ""
        for (depth, step) in reversedPath.reversed().enumerated() {
            switch step {
            case .member(let name):
                if depth > 0 { text += "." }
                text += name
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// The member path of the failing value as QEMU prints it
    /// (`backend.data.addr`), empty for the root value itself.
    public var path: String {
        reversedPath.isEmpty ? "" : Self.render(reversedPath: reversedPath)
    }

    /// The error as the client sees it.
    public var qmpError: QMPError {
        switch problem {
        case .missing: return .generic("Parameter '\(fullPath)' is missing")
        case .invalidType(let kind): return .generic("Invalid parameter type for '\(fullPath)', expected: \(kind)")
        case .expects(let type): return .generic("Parameter '\(fullPath)' expects \(type)")
        case .unexpected: return .generic("Parameter '\(fullPath)' is unexpected")
        case .final(let error): return error
        }
    }
}
