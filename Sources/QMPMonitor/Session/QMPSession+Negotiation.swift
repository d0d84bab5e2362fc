import QAPIRuntime

extension QMPSession {
    /// A protocol capability (the schema's `QMPCapability`, spec N3).
    public enum Capability: QAPIEnum, Sendable, Hashable {
        /// Out-of-band execution (spec O1).
        case oob
        /// A capability this server does not know.
        case unknown(String)

        /// The capabilities this server knows.
        public static let allCases: [Capability] = [.oob]

        /// The capability named `name`, if known.
        public init?(knownName name: String) {
            guard name == "oob" else { return nil }
            self = .oob
        }

        /// The wire name.
        public var rawValue: String {
            switch self {
            case .oob: "oob"
            case .unknown(let name): name
            }
        }
    }

    /// The arguments of `qmp_capabilities`: an optional list of
    /// capabilities.
    struct CapabilitiesArguments: QAPIObjectDecodable {
        var enable: [Capability]?

        init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
            enable = try members.optional("enable")
        }
    }

    /// `qmp_capabilities` as the command-mode registry has it: it
    /// validates its arguments (spec A), then fails with CommandNotFound
    /// `Capabilities negotiation is already complete, command ignored`
    /// (spec N5). Negotiation itself is the session's (see `QMPSession`).
    public static let capabilitiesCommand = QMPCommand(
        name: "qmp_capabilities", flags: .allowPreconfig,
        body: .inBand { arguments, policy throws(QMPError) in
            _ = try QAPIDecoder.decode(CapabilitiesArguments.self, from: .object(arguments), policy: policy)
            throw QMPError(.commandNotFound, "Capabilities negotiation is already complete, command ignored")
        })

    /// Answers `request` in negotiation mode, where `qmp_capabilities` is
    /// the only command (spec N1): checks its arguments (N3) and the
    /// offered capabilities, then enters command mode with the requested
    /// ones enabled (N4). A failure changes nothing.
    mutating func negotiate(_ request: QMPRequest) -> QMPResponse {
        guard request.command.utf8.elementsEqual("qmp_capabilities".utf8) else {
            let error = QMPError(.commandNotFound, "The command \(request.command) has not been found")
            return QMPResponse(id: request.id, result: .failure(error))
        }
        let enable: [Capability]
        do {
            enable = try QAPIDecoder.decode(CapabilitiesArguments.self, from: .object(request.arguments)).enable ?? []
        } catch {
            return QMPResponse(id: request.id, result: .failure(error))
        }
        let offered = offeredCapabilities
        let unavailable = enable.filter { !offered.contains($0) }
        if !unavailable.isEmpty {
            let names = unavailable.map(\.rawValue).joined(separator: ", ")
            return QMPResponse(id: request.id, result: .failure(.generic("Capability \(names) not available")))
        }
        mode = .commandMode
        isOOBEnabled = enable.contains(.oob)
        return QMPResponse(id: request.id, result: .success(.object(JSONObject())))
    }
}
