/// A request that passed the shape checks: the command to run, with its
/// arguments and the `id` to echo (spec R1–R4).
public struct QMPRequest: Sendable, Hashable {
    /// The `id` member, any JSON value; nil when absent (spec R2).
    public var id: JSONValue?
    /// The command name, from `execute` or `exec-oob`.
    public var command: String
    /// Whether the command came in `exec-oob` (spec O1).
    public var isOOB: Bool
    /// The `arguments` member, `{}` when absent (spec R9).
    public var arguments: JSONObject

    /// A request built directly.
    public init(id: JSONValue? = nil, command: String, isOOB: Bool = false, arguments: JSONObject = [:]) {
        self.id = id
        self.command = command
        self.isOOB = isOOB
        self.arguments = arguments
    }

    /// Checks the shape of `message` as QEMU does, in its order (spec R1
    /// to R4), and takes the request out of it.
    ///
    /// `exec-oob` is a command member only when `oobEnabled`; otherwise
    /// it is an unexpected member (spec N7, O2). Members are checked in
    /// QDict iteration order (spec T4), so when several are wrong the
    /// one QEMU reports is reported.
    public init(_ message: JSONValue, oobEnabled: Bool) throws(Rejection) {
        guard case .object(let object) = message else {
            throw Rejection(id: nil, error: .generic("QMP input must be a JSON object"))
        }
        let id = object["id"]
        func reject(_ desc: String) -> Rejection {
            Rejection(id: id, error: .generic(desc))
        }
        var commandKey: String?
        var command = ""
        for position in QDictOrder.positions(of: object) {
            let (key, value) = object[position]
            if UTF8Bytes.equal(key, "execute") || (oobEnabled && UTF8Bytes.equal(key, "exec-oob")) {
                guard case .string(let name) = value else {
                    throw reject("QMP input member '\(key)' must be a string")
                }
                if let commandKey {
                    throw reject("QMP input member '\(key)' clashes with '\(commandKey)'")
                }
                commandKey = key
                command = name
            } else if UTF8Bytes.equal(key, "arguments") {
                guard case .object = value else {
                    throw reject("QMP input member 'arguments' must be an object")
                }
            } else if !UTF8Bytes.equal(key, "id") {
                throw reject("QMP input member '\(key)' is unexpected")
            }
        }
        guard let commandKey else { throw reject("QMP input lacks member 'execute'") }
        self.init(
            id: id, command: command, isOOB: UTF8Bytes.equal(commandKey, "exec-oob"),
            arguments: object["arguments"]?.objectValue ?? [:])
    }

    /// Whether `message` is an out-of-band request: an object with
    /// `exec-oob` and without `execute` (spec O2). Such a message is
    /// dispatched at once on the I/O side, before the OOB capability is
    /// even checked; everything else goes to the in-band queue.
    public static func isOutOfBand(_ message: JSONValue) -> Bool {
        guard case .object(let object) = message else { return false }
        return object.contains(key: "exec-oob") && !object.contains(key: "execute")
    }
}

extension QMPRequest {
    /// A message refused by the shape checks, with the `id` to echo (none
    /// for a message that is not an object, spec R1).
    public struct Rejection: Error, Sendable, Hashable {
        /// The message's `id` member, if any.
        public var id: JSONValue?
        /// The error.
        public var error: QMPError

        /// A rejection of a message with `id`.
        public init(id: JSONValue?, error: QMPError) {
            self.id = id
            self.error = error
        }

        /// The error response to send.
        public var response: QMPResponse {
            QMPResponse(id: id, result: .failure(error))
        }
    }
}
