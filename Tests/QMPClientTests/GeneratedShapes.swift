import QAPIRuntime
import QMPClient

// Types written by hand exactly as the generator emits them, for this
// schema (a slice of QEMU's):
//
// { 'enum': 'RunState', 'data': [ 'running', 'paused', 'prelaunch' ] }
// { 'struct': 'StatusInfo', 'data': { 'running': 'bool', 'status': 'RunState' } }
// { 'command': 'query-status', 'returns': 'StatusInfo' }
// { 'struct': 'VersionTriple', 'data': { 'major': 'int', 'minor': 'int', 'micro': 'int' } }
// { 'struct': 'VersionInfo', 'data': { 'qemu': 'VersionTriple', 'package': 'str' } }
// { 'command': 'query-version', 'returns': 'VersionInfo' }
// { 'struct': 'CommandInfo', 'data': { 'name': 'str' } }
// { 'command': 'query-commands', 'returns': [ 'CommandInfo' ] }
// { 'command': 'qmp_capabilities', 'data': { '*enable': [ 'QMPCapability' ] } }
// { 'command': 'quit' }
// { 'command': 'stop' }
// { 'command': 'x-echo', 'data': { 'text': 'str' }, 'returns': 'EchoResult' }
// { 'command': 'query-yank', 'returns': [ 'YankInstance' ], 'allow-oob': true }
// { 'enum': 'ShutdownCause', 'data': [ 'host-qmp-quit', 'host-signal' ] }
// { 'event': 'SHUTDOWN', 'data': { 'guest': 'bool', 'reason': 'ShutdownCause' } }
// { 'event': 'STOP' }
// { 'event': 'JOB_DONE', 'data': { 'id': 'str' } }

enum RunState: QAPIEnum {
    case running
    case paused
    case prelaunch
    case unknown(String)

    static let allCases: [RunState] = [.running, .paused, .prelaunch]

    init?(knownName name: String) {
        switch name {
        case "running": self = .running
        case "paused": self = .paused
        case "prelaunch": self = .prelaunch
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .running: "running"
        case .paused: "paused"
        case .prelaunch: "prelaunch"
        case .unknown(let name): name
        }
    }
}

struct StatusInfo: QAPIObjectCodable, Hashable {
    var running: Bool
    var status: RunState

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        running = try members.required("running")
        status = try members.required("status")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(running, "running")
        encoder.encode(status, "status")
    }
}

struct VersionTriple: QAPIObjectCodable, Hashable {
    var major: Int64
    var minor: Int64
    var micro: Int64

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        major = try members.required("major")
        minor = try members.required("minor")
        micro = try members.required("micro")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(major, "major")
        encoder.encode(minor, "minor")
        encoder.encode(micro, "micro")
    }
}

struct VersionInfo: QAPIObjectCodable, Hashable {
    var qemu: VersionTriple
    var package: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        qemu = try members.required("qemu")
        package = try members.required("package")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(qemu, "qemu")
        encoder.encode(package, "package")
    }
}

struct CommandInfo: QAPIObjectCodable, Hashable {
    var name: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        name = try members.required("name")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(name, "name")
    }
}

enum QMPCapability: QAPIEnum {
    case oob
    case unknown(String)

    static let allCases: [QMPCapability] = [.oob]

    init?(knownName name: String) {
        switch name {
        case "oob": self = .oob
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .oob: "oob"
        case .unknown(let name): name
        }
    }
}

struct QmpCapabilitiesArguments: QAPIObjectCodable, Hashable {
    var enable: [QMPCapability]?

    init(enable: [QMPCapability]? = nil) { self.enable = enable }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        enable = try members.optional("enable")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(enable, "enable")
    }
}

struct EchoArguments: QAPIObjectCodable, Hashable {
    var text: String

    init(text: String) { self.text = text }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        text = try members.required("text")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(text, "text")
    }
}

struct EchoResult: QAPIObjectCodable, Hashable {
    var text: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        text = try members.required("text")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(text, "text")
    }
}

struct YankInstance: QAPIObjectCodable, Hashable {
    var type: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        type = try members.required("type")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(type, "type")
    }
}

/// The command namespaces.
enum Commands {
    enum QueryStatus: QMPInBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = StatusInfo
        static let name = "query-status"
        static let flags: QMPCommandFlags = []
    }

    enum QueryVersion: QMPInBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = VersionInfo
        static let name = "query-version"
        static let flags: QMPCommandFlags = []
    }

    enum QueryCommands: QMPInBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = [CommandInfo]
        static let name = "query-commands"
        static let flags: QMPCommandFlags = []
    }

    enum QmpCapabilities: QMPInBandCommand {
        typealias Arguments = QmpCapabilitiesArguments
        typealias Result = QAPIEmpty
        static let name = "qmp_capabilities"
        static let flags: QMPCommandFlags = []
    }

    enum Quit: QMPInBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = QAPIEmpty
        static let name = "quit"
        static let flags: QMPCommandFlags = []
    }

    enum Stop: QMPInBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = QAPIEmpty
        static let name = "stop"
        static let flags: QMPCommandFlags = []
    }

    enum XEcho: QMPInBandCommand {
        typealias Arguments = EchoArguments
        typealias Result = EchoResult
        static let name = "x-echo"
        static let flags: QMPCommandFlags = []
    }

    enum QueryYank: QMPOutOfBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = [YankInstance]
        static let name = "query-yank"
        static let flags: QMPCommandFlags = [.allowOOB]
    }

    /// `query-version` declared `allow-oob`, which it is not: a server
    /// refuses it out of band.
    enum QueryVersionOutOfBand: QMPOutOfBandCommand {
        typealias Arguments = QAPIEmpty
        typealias Result = VersionInfo
        static let name = "query-version"
        static let flags: QMPCommandFlags = [.allowOOB]
    }
}

enum ShutdownCause: QAPIEnum {
    case hostQmpQuit
    case hostSignal
    case unknown(String)

    static let allCases: [ShutdownCause] = [.hostQmpQuit, .hostSignal]

    init?(knownName name: String) {
        switch name {
        case "host-qmp-quit": self = .hostQmpQuit
        case "host-signal": self = .hostSignal
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .hostQmpQuit: "host-qmp-quit"
        case .hostSignal: "host-signal"
        case .unknown(let name): name
        }
    }
}

/// The event namespaces.
enum Events {
    struct Shutdown: QMPEvent, QAPIObjectCodable, Hashable {
        static let name = "SHUTDOWN"
        var guest: Bool
        var reason: ShutdownCause

        init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
            guest = try members.required("guest")
            reason = try members.required("reason")
        }

        func encodeMembers(to encoder: inout QAPIObjectEncoder) {
            encoder.encode(guest, "guest")
            encoder.encode(reason, "reason")
        }

        func eventData() -> JSONObject? {
            var encoder = QAPIObjectEncoder()
            encodeMembers(to: &encoder)
            return encoder.object
        }
    }

    struct Stop: QMPEvent, QAPIObjectCodable, Hashable {
        static let name = "STOP"

        init() {}

        init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {}

        func encodeMembers(to encoder: inout QAPIObjectEncoder) {}

        func eventData() -> JSONObject? { nil }
    }

    struct JobDone: QMPEvent, QAPIObjectCodable, Hashable {
        static let name = "JOB_DONE"
        var id: String

        init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
            id = try members.required("id")
        }

        func encodeMembers(to encoder: inout QAPIObjectEncoder) {
            encoder.encode(id, "id")
        }

        func eventData() -> JSONObject? {
            var encoder = QAPIObjectEncoder()
            encodeMembers(to: &encoder)
            return encoder.object
        }
    }
}

/// The schema's events as one type, as the generator will emit it.
enum AnyEvent: QMPEventSet, Hashable {
    case shutdown(Events.Shutdown)
    case stop(Events.Stop)
    case jobDone(Events.JobDone)
    case unknown(name: String, data: JSONObject?)

    init(decoding message: QMPEventMessage, options: QAPIDecodingOptions) {
        switch message.name {
        case Events.Shutdown.name:
            if let event = message.decodeData(as: Events.Shutdown.self, options: options) {
                self = .shutdown(event)
                return
            }
        case Events.Stop.name:
            if let event = message.decodeData(as: Events.Stop.self, options: options) {
                self = .stop(event)
                return
            }
        case Events.JobDone.name:
            if let event = message.decodeData(as: Events.JobDone.self, options: options) {
                self = .jobDone(event)
                return
            }
        default:
            options.reportUnknownEvent()
        }
        self = .unknown(name: message.name, data: message.data)
    }
}
