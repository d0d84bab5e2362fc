/// All the events of a schema as one type, for a client's event stream:
/// generated code makes an enum with one case per event and an
/// `unknown(name:data:)` case, and reads each event's data with
/// `QMPEventMessage.decodeData(as:options:)`, which reports data that
/// does not decode to the drift handler.
public protocol QMPEventSet: Sendable {
    /// The event `message` carries: its case when this build knows the
    /// event and can read its data with `options`, `unknown` otherwise.
    /// Never fails, so that no event a newer peer sends can end a stream.
    init(decoding message: QMPEventMessage, options: QAPIDecodingOptions)
}
