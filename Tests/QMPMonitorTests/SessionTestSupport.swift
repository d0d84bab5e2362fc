import QAPIRuntime
import QMPMonitor
import XCTest

/// The greeting's version in these tests: QEMU 10.0.0 upstream.
let testVersion: JSONValue = ["qemu": ["major": 10, "minor": 0, "micro": 0], "package": ""]

/// The timestamp of every test event.
let testTimestamp = QMPTimestamp(seconds: 1_700_000_000, microseconds: 123_456)

/// `messages` as they go on the wire: each followed by CRLF.
func wire(_ messages: String...) -> String {
    messages.map { $0 + "\r\n" }.joined()
}

/// `message` as bytes on the wire, CRLF included.
func wireBytes(_ message: String) -> [UInt8] {
    Array(wire(message).utf8)
}

/// A GenericError (or `errorClass`) response, with `id` when given.
func errorResponse(_ desc: String, _ errorClass: String = "GenericError", id: String? = nil) -> String {
    let body = #""error": {"class": "\#(errorClass)", "desc": "\#(desc)"}"#
    return id.map { #"{"id": \#($0), \#(body)}"# } ?? "{\(body)}"
}

/// Arguments of a command that takes none.
struct NoArguments: QAPIObjectDecodable {
    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {}
}

/// Arguments of `lookup`: a required string.
struct LookupArguments: QAPIObjectDecodable {
    var path: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        path = try members.required("path")
    }
}

/// What test commands do besides returning: emit events and ask for their
/// session to close, as the monitor core's commands would.
final class SideEffects: Sendable {
    private let state = QAPILock<(events: [QMPEventMessage], closeRequested: Bool)>(([], false))

    /// Records an event.
    func emit(_ name: String, _ data: JSONObject? = nil) {
        state.withLock { $0.events.append(QMPEventMessage(name: name, data: data, timestamp: testTimestamp)) }
    }

    /// Records a request to close the session after its response (H5).
    func requestClose() {
        state.withLock { $0.closeRequested = true }
    }

    /// Takes what was recorded.
    func take() -> (events: [QMPEventMessage], closeRequested: Bool) {
        state.withLock { state in
            defer { state = ([], false) }
            return state
        }
    }
}

/// The test commands, covering every dispatch rule.
func testRegistry(_ effects: SideEffects) -> QMPCommandRegistry {
    var registry = QMPCommandRegistry()
    registry.register(QMPSession.capabilitiesCommand)
    registry.register(
        QMPCommand(
            name: "query-status",
            body: .inBand { arguments, policy throws(QMPError) in
                _ = try QAPIDecoder.decode(NoArguments.self, from: .object(arguments), policy: policy)
                return ["status": "running"]
            }))
    registry.register(
        QMPCommand(
            name: "lookup",
            body: .inBand { arguments, policy throws(QMPError) in
                let lookup = try QAPIDecoder.decode(LookupArguments.self, from: .object(arguments), policy: policy)
                if lookup.path == "/missing" { throw QMPError(.deviceNotFound, "Device '/missing' not found") }
                return .string(lookup.path)
            }))
    registry.register(
        QMPCommand(
            name: "stop",
            body: .inBand { _, _ in
                effects.emit("STOP")
                return [:]
            }))
    registry.register(
        QMPCommand(
            name: "quit",
            body: .inBand { _, _ in
                effects.emit("SHUTDOWN", ["guest": false, "reason": "host-qmp-quit"])
                return [:]
            }))
    registry.register(
        QMPCommand(
            name: "remove-self",
            body: .inBand { _, _ in
                effects.requestClose()
                return [:]
            }))
    registry.register(
        QMPCommand(
            name: "fail",
            body: .inBand { _, _ throws(QMPError) in
                throw .generic("it failed")
            }))
    registry.register(QMPCommand(name: "yank", flags: .allowOOB, body: .outOfBand { _, _ in [:] }))
    registry.register(QMPCommand(name: "old", features: .deprecated, body: .inBand { _, _ in [:] }))
    registry.register(QMPCommand(name: "x-new", features: .unstable, body: .inBand { _, _ in [:] }))
    registry.register(QMPCommand(name: "retired", body: .inBand { _, _ in [:] }))
    registry.disable("retired", reason: "gone for good")
    registry.register(QMPCommand(name: "guest-sync", flags: .noSuccessResponse, body: .inBand { _, _ in [:] }))
    return registry
}

/// Drives one session as its owner and the dispatcher would, without
/// sockets: keeps unconsumed input, carries out actions in order, runs
/// out-of-band requests at once and in-band ones only when asked to, or
/// when input is stuck behind a suspension.
final class SessionHarness {
    private(set) var session: QMPSession
    let effects = SideEffects()
    let registry: QMPCommandRegistry
    var policy = QMPDispatchPolicy()
    /// Every byte written so far.
    private(set) var output: [UInt8] = []
    /// Every action so far, writes as `write`, requests by command name.
    private(set) var log: [String] = []
    /// Input the session has not consumed yet.
    private(set) var unread: [UInt8] = []

    init(usesIOThread: Bool = true, pretty: Bool = false) {
        session = QMPSession(
            configuration: QMPSession.Configuration(version: testVersion, usesIOThread: usesIOThread, pretty: pretty))
        registry = testRegistry(effects)
    }

    /// Connects a client.
    func open() {
        perform(session.opened())
    }

    /// Connects a client, negotiates and forgets the output so far.
    func openNegotiated(oob: Bool = false) async {
        open()
        await feed(
            oob
                ? #"{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}"#
                : #"{"execute": "qmp_capabilities"}"#)
        await drain()
        XCTAssertEqual(session.mode, .commandMode)
        _ = takeOutput()
        log = []
    }

    /// Feeds `text`; see `feed(_:)` for bytes.
    func feed(_ text: String) async {
        await feed(Array(text.utf8))
    }

    /// Feeds bytes, serving the dispatcher only while input is stuck.
    func feed<Bytes: Collection>(_ bytes: Bytes) async where Bytes.Element == UInt8 {
        unread.append(contentsOf: bytes)
        read()
        while !unread.isEmpty && session.isSuspended && session.queuedRequestCount > 0 {
            await serveOne()
        }
    }

    /// Serves queued items until there are none.
    func drain() async {
        while session.queuedRequestCount > 0 {
            await serveOne()
        }
    }

    /// Serves one queued item, as the dispatcher: events a command emits
    /// are reported before its response.
    func serveOne() async {
        guard let request = perform(session.dequeue()) else { return }
        let response = await registry.dispatch(request, policy: policy)
        let effects = effects.take()
        for event in effects.events { perform(session.event(event)) }
        if effects.closeRequested { perform(session.closeAfterCurrentResponse()) }
        perform(session.finishInBand(response))
    }

    /// Broadcasts an event to the session.
    func emit(_ name: String) {
        perform(session.event(QMPEventMessage(name: name, data: nil, timestamp: testTimestamp)))
    }

    /// Disconnects the client.
    func close() {
        perform(session.closed())
    }

    /// The output written since the last call, as text.
    func takeOutput() -> String {
        defer { output = [] }
        return String(decoding: output, as: UTF8.self)
    }

    /// Feeds the unread input to the session.
    private func read() {
        let result = session.receive(unread)
        unread.removeFirst(result.consumed)
        perform(result.actions)
    }

    /// Carries out `actions`; returns the in-band request to run, if any.
    @discardableResult
    private func perform(_ actions: [QMPSessionAction]) -> QMPRequest? {
        var inBand: QMPRequest?
        var resumed = false
        for action in actions {
            switch action {
            case .write(let bytes):
                log.append("write")
                output.append(contentsOf: bytes)
            case .runOutOfBand(let request):
                log.append("oob \(request.command)")
                perform(session.finishOutOfBand(registry.dispatchOutOfBand(request, policy: policy)))
            case .runInBand(let request):
                log.append("run \(request.command)")
                inBand = request
            case .requestReady:
                log.append("ready")
            case .suspend:
                log.append("suspend")
            case .resume:
                log.append("resume")
                resumed = true
            case .close:
                log.append("close")
            }
        }
        if resumed && !unread.isEmpty { read() }
        return inBand
    }
}
