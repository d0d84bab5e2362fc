/// One callback for a frontend, computed under a chardev's lock and
/// delivered after it is released.
enum ChardevEvent {
    /// The connection opened.
    case opened(ChardevLink)
    /// The connection closed.
    case closed(ChardevLink)
    /// Bytes of connection `generation` to offer.
    case received(ChardevLink, ByteQueue, generation: Int)
    /// The peer sent its last byte and the frontend consumed it.
    case inputEnded(ChardevLink)

    /// The connection whose bytes these are, for received bytes.
    var inputGeneration: Int? {
        if case .received(_, _, let generation) = self { return generation }
        return nil
    }

    /// Calls the frontend; for received bytes, returns those it did not
    /// consume.
    consuming func deliver() -> ByteQueue? {
        switch consume self {
        case .opened(let link):
            link.frontend.chardevOpened(link)
            return nil
        case .closed(let link):
            link.frontend.chardevClosed(link)
            return nil
        case .inputEnded(let link):
            link.frontend.chardevInputEnded(link)
            return nil
        case .received(let link, var bytes, _):
            let consumed = bytes.withUnsafeBytes { link.frontend.chardevReceived($0, on: link) }
            bytes.removeFirst(consumed)
            return bytes
        }
    }
}
