/// An error as a QMP client sees it: an error class and a human-readable
/// description, sent as `{"error": {"class": C, "desc": D}}` (spec R11).
///
/// Command handlers throw it; the dispatcher turns argument-decoding
/// failures into it (see `QAPIDecodingError.qmpError`).
public struct QMPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error class.
    public var errorClass: QMPErrorClass
    /// The description, exactly as it goes on the wire.
    public var desc: String

    /// An error of class `errorClass` with description `desc`.
    public init(_ errorClass: QMPErrorClass, _ desc: String) {
        self.errorClass = errorClass
        self.desc = desc
    }

    /// A `GenericError` with description `desc`.
    public static func generic(_ desc: String) -> QMPError {
        QMPError(.genericError, desc)
    }

    /// The description.
    public var description: String { desc }

    /// The error's wire form, `{"class": C, "desc": D}`, members in that
    /// order.
    public var json: JSONValue {
        var object = JSONObject()
        object.appendNew("class", .string(errorClass.rawValue))
        object.appendNew("desc", .string(desc))
        return .object(object)
    }

    /// Reads the wire form: an object with a string `class`, known or
    /// not, and a string `desc` (other members are ignored); nil
    /// otherwise.
    public init?(json: JSONValue) {
        guard case .string(let name)? = json["class"], case .string(let desc)? = json["desc"] else { return nil }
        self.init(QMPErrorClass(rawValue: name), desc)
    }
}
