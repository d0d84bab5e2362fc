import QAPIRuntime

/// The bytes of a request. The body is encoded once, by the calling
/// task; the id is put in front when the request goes on the wire, which
/// for a call that waits for a slot is later.
enum RequestEncoder {
    /// `{"execute": NAME, "arguments": {…}}` (`exec-oob` out of band);
    /// no `arguments` member when there are none.
    static func body(command: String, arguments: JSONObject, outOfBand: Bool) -> [UInt8] {
        var request = JSONObject()
        request[outOfBand ? "exec-oob" : "execute"] = .string(command)
        if !arguments.isEmpty { request["arguments"] = .object(arguments) }
        return JSONWriter().encode(.object(request))
    }

    /// `{"id": ID, ` followed by the body's members and a newline. The
    /// body is never empty: it has at least the command member.
    static func message(id: Int64, body: [UInt8]) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(body.count + 24)
        message.append(contentsOf: #"{"id": "#.utf8)
        message.append(contentsOf: String(id).utf8)
        message.append(contentsOf: ", ".utf8)
        message.append(contentsOf: body.dropFirst())
        message.append(UInt8(ascii: "\n"))
        return message
    }
}
