/// A chardev's one frontend place, what that frontend has been told, and
/// whether the chardev is closed.
///
/// Kept inside each chardev's locked state. `announced` names the
/// connection the frontend was told is open, so that every `opened` is
/// followed by exactly one `closed`, even when a connection comes and goes
/// before the I/O queue gets to announce it.
struct FrontendSlot {
    /// The attached frontend's link.
    private(set) var link: ChardevLink?
    /// Set once the chardev is closed; nothing attaches afterwards.
    private(set) var isClosed = false
    /// The connection announced to the frontend as open, if any.
    private var announced: Int?

    /// Attaches `frontend`, or fails when one is attached already or the
    /// chardev is closed.
    mutating func attach(
        _ frontend: any ChardevFrontend, to target: any ChardevLinkTarget, chardevID: String
    ) throws(ChardevError) -> ChardevLink {
        guard !isClosed else { throw .notFound(chardevID) }
        guard link == nil else { throw .inUse(chardevID) }
        let newLink = ChardevLink(chardevID: chardevID, frontend: frontend, target: target)
        link = newLink
        announced = nil
        return newLink
    }

    /// Marks the chardev closed, or fails while a frontend is attached.
    /// Returns false when it was closed already.
    mutating func close(chardevID: String) throws(ChardevError) -> Bool {
        guard link == nil else { throw .busy(chardevID) }
        defer { isClosed = true }
        return !isClosed
    }

    /// Whether `candidate` is the attached link.
    func holds(_ candidate: ChardevLink) -> Bool {
        link === candidate
    }

    /// Detaches `candidate` if it is the attached link; returns whether it was.
    mutating func detach(_ candidate: ChardevLink) -> Bool {
        guard holds(candidate) else { return false }
        link = nil
        announced = nil
        return true
    }

    /// The next open or close to announce, given the connection that is
    /// open now (`nil`: none); records it as announced.
    mutating func nextAnnouncement(open current: Int?) -> ChardevEvent? {
        guard let link, announced != current else { return nil }
        if announced != nil {
            announced = nil
            return .closed(link)
        }
        announced = current
        return .opened(link)
    }

    /// Whether the frontend has been told that connection `generation` is open.
    func hasAnnounced(_ generation: Int) -> Bool {
        link != nil && announced == generation
    }
}
