import QAPIRuntime

extension QMPSession {
    /// An event to broadcast (spec E1, E2): written only in command mode
    /// (spec N6), dropped otherwise. Events reported while a request runs
    /// are written before its response (spec E3).
    public func event(_ event: QMPEventMessage) -> [QMPSessionAction] {
        guard mode == .commandMode && !closesAfterResponse else { return [] }
        return [.write(message(event.json))]
    }

    /// `response` on the wire. In negotiation mode a CommandNotFound
    /// error's desc becomes `Expecting capabilities negotiation with
    /// 'qmp_capabilities'` (spec N1).
    func message(_ response: QMPResponse) -> [UInt8] {
        guard mode == .negotiating, case .failure(var error) = response.result,
            error.errorClass == .commandNotFound
        else { return message(response.json) }
        error.desc = "Expecting capabilities negotiation with 'qmp_capabilities'"
        return message(QMPResponse(id: response.id, result: .failure(error)).json)
    }

    /// `value` as QEMU writes it: QDict member order, the configured
    /// layout, CRLF line breaks and a final CRLF (spec T1–T4).
    func message(_ value: JSONValue) -> [UInt8] {
        JSONWriter.qmpMessage(value, pretty: configuration.pretty, memberOrder: .qdict)
    }
}
