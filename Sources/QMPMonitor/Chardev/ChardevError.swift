/// A chardev failure, carrying QEMU's exact text.
///
/// For ``Kind/backend`` errors, `chardev-add` reports
/// `Failed to add chardev 'ID': ` followed by ``message``; every other kind
/// is reported as it is.
public struct ChardevError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A chardev with that id exists already.
        case duplicateID
        /// No chardev has that id (or it was closed).
        case notFound
        /// The chardev has a frontend, so it cannot be removed.
        case busy
        /// The chardev has a frontend, so another one cannot attach.
        case inUse
        /// The backend rejected its options or could not open.
        case backend
    }

    /// What went wrong.
    public var kind: Kind
    /// The exact text, as QEMU words it.
    public var message: String

    /// An error of `kind` with text `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The exact text.
    public var description: String { message }
}

extension ChardevError {
    /// `Chardev with id 'ID' already exists`.
    static func duplicateID(_ id: String) -> ChardevError {
        ChardevError(.duplicateID, "Chardev with id '\(id)' already exists")
    }

    /// `Chardev 'ID' not found`.
    static func notFound(_ id: String) -> ChardevError {
        ChardevError(.notFound, "Chardev '\(id)' not found")
    }

    /// `Chardev 'ID' is busy`.
    static func busy(_ id: String) -> ChardevError {
        ChardevError(.busy, "Chardev '\(id)' is busy")
    }

    /// `chardev 'ID' is already in use` (QEMU 10.0's wording, spec C8).
    static func inUse(_ id: String) -> ChardevError {
        ChardevError(.inUse, "chardev '\(id)' is already in use")
    }

    /// A backend error with text `message`.
    static func backend(_ message: String) -> ChardevError {
        ChardevError(.backend, message)
    }
}
