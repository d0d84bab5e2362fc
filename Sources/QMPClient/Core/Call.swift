import QAPIRuntime

/// One request, from the moment it is submitted until it is answered,
/// fails, times out or is cancelled: whichever comes first settles
/// `reply`.
final class Call: Sendable {
    /// The command's wire name.
    let command: String
    /// The request without its id (see `RequestEncoder`).
    let body: [UInt8]
    /// Whether it goes out with `exec-oob`, outside the in-flight limit.
    let isOutOfBand: Bool
    /// The file descriptor sent with the request's first byte, if any.
    let descriptor: PassedDescriptor?
    /// The reply object (`return` or `error`, with the id).
    let reply = OneShot<JSONObject>()

    /// A call of `command`, passing `descriptor` when given.
    init(command: String, body: [UInt8], isOutOfBand: Bool, descriptor: PassedDescriptor? = nil) {
        self.command = command
        self.body = body
        self.isOutOfBand = isOutOfBand
        self.descriptor = descriptor
    }
}
