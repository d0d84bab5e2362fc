/// A response to a request: its `id` and the command's result or error
/// (spec R10, R11).
public struct QMPResponse: Sendable, Hashable {
    /// The request's `id`, echoed as it was (spec R2); nil when the
    /// request had none or was not an object.
    public var id: JSONValue?
    /// The `return` value, or the error.
    public var result: Result<JSONValue, QMPError>

    /// A response with `result`, echoing `id`.
    public init(id: JSONValue?, result: Result<JSONValue, QMPError>) {
        self.id = id
        self.result = result
    }

    /// The response's wire form, `{"return": VALUE, "id": ID}` or
    /// `{"error": {"class": C, "desc": D}, "id": ID}`, without `id` when
    /// there is none.
    ///
    /// Members are in QEMU's insertion order; write it with
    /// `JSONWriter(memberOrder: .qdict)` to get QEMU's bytes,
    /// `{"return": {}, "id": 1}` and `{"id": 1, "error": …}` (spec T4).
    public var json: JSONValue {
        var object = JSONObject()
        switch result {
        case .success(let value): object.appendNew("return", value)
        case .failure(let error): object.appendNew("error", error.json)
        }
        if let id { object.appendNew("id", id) }
        return .object(object)
    }
}
