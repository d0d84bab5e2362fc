import QAPISchema

/// Emits one struct per event in the events namespace (`SHUTDOWN` is
/// `Events.Shutdown`): the event's wire name and its typed payload, which
/// the runtime's single emit path turns into an event message.
struct SwiftEventEmitter {
    let context: SwiftGenerationContext

    func emit(_ event: QAPISchemaEvent, into writer: inout SwiftCodeWriter, support: inout SwiftCodeWriter) {
        let access = context.access
        let codec = context.codecAccess
        let name = Self.typeName(event)
        let qualified = "\(context.eventsName).\(name)"
        let eventProtocol = context.runtime("QMPEvent")
        let object = context.runtime("JSONObject")
        let header: (inout SwiftCodeWriter) -> Void = { writer in
            writer.line("/// The event's wire name.")
            // Computed, not stored: see SwiftCommandEmitter.
            writer.line(
                "\(access)static var name: \(context.std("String")) { \(SwiftGenerationContext.literal(event.name)) }")
            writer.line()
        }
        writer.block("extension \(context.eventsName) {") { writer in
            writer.docComment(SwiftDocComments.definition(event, what: "event", context: context))
            if let argType = event.argType, event.boxed {
                let conformances = [eventProtocol, context.runtime("QAPICodable"), context.wireHashable].joined(
                    separator: ", ")
                writer.block("\(access)struct \(name): \(conformances) {") { writer in
                    header(&writer)
                    writer.line("/// The event's data.")
                    writer.line(context.storedMember("data", context.swiftType(argType)))
                    writer.line()
                    writer.line("/// The event with `data`.")
                    writer.line("\(access)init(_ data: \(context.swiftType(argType))) { self.data = data }")
                }
                support.line()
                support.block("extension \(qualified) {") { writer in
                    writer.line("/// Reads the event's data.")
                    writer.block(
                        "\(codec)init(qapi decoder: \(context.runtime("QAPIDecoder"))) throws(\(context.runtime("QAPIDecodingError"))) {"
                    ) { writer in
                        writer.line("self.data = try decoder.decode()")
                    }
                    writer.line()
                    writer.line("/// Writes the event's data.")
                    writer.line(
                        "\(codec)func qapiEncoded() -> \(context.runtime("JSONValue")) { self.data.qapiEncoded() }")
                    writer.line()
                    writer.line("/// The `data` member of the event message.")
                    writer.line(SwiftGenerationContext.unoptimized)
                    writer.block("\(codec)func eventData() -> \(object)? {") { writer in
                        writer.line("if case .object(let members) = self.data.qapiEncoded() { return members }")
                        writer.line("return nil")
                    }
                }
            } else if let argType = event.argType {
                SwiftObjectEmitter(context: context).emitBody(
                    of: argType, named: name, qualifiedName: qualified, doc: event.doc, into: &writer,
                    support: &support,
                    extraConformances: [eventProtocol], extra: header)
                support.line()
                support.block("extension \(qualified) {") { writer in
                    writer.line("/// The `data` member of the event message.")
                    writer.line(SwiftGenerationContext.unoptimized)
                    writer.block("\(codec)func eventData() -> \(object)? {") { writer in
                        writer.line("var encoder = \(context.runtime("QAPIObjectEncoder"))()")
                        writer.line("self.encodeMembers(to: &encoder)")
                        writer.line("return encoder.object")
                    }
                }
            } else {
                let conformances = [eventProtocol, context.runtime("QAPIObjectCodable"), context.wireHashable].joined(
                    separator: ", ")
                writer.block("\(access)struct \(name): \(conformances) {") { writer in
                    header(&writer)
                    writer.line("/// The event (it has no data).")
                    writer.line("\(access)init() {}")
                }
                support.line()
                support.block("extension \(qualified) {") { writer in
                    writer.line("/// Reads no members.")
                    writer.line(
                        "\(codec)init(qapiMembers members: inout \(context.runtime("QAPIObjectDecoder"))) throws(\(context.runtime("QAPIDecodingError"))) {}"
                    )
                    writer.line()
                    writer.line("/// Writes no members.")
                    writer.line(
                        "\(codec)func encodeMembers(to encoder: inout \(context.runtime("QAPIObjectEncoder"))) {}")
                    writer.line()
                    writer.line("/// No `data` member.")
                    writer.line("\(codec)func eventData() -> \(object)? { nil }")
                }
            }
        }
    }

    /// The enum of every event in `events`, with an `unknown` case, that a
    /// client's event stream decodes into.
    func emitEventSet(_ events: [QAPISchemaEvent], into writer: inout SwiftCodeWriter) {
        let access = context.access
        let string = context.std("String")
        let object = context.runtime("JSONObject")
        writer.line("/// Every event of the schema, as a client receives it; `unknown` for an")
        writer.line("/// event this build does not know (a newer peer's) or whose data it cannot read.")
        writer.block(
            "\(access)enum \(context.eventSetName): \(context.runtime("QMPEventSet")), \(context.std("Hashable")) {"
        ) { writer in
            for event in events {
                writer.line("/// `\(event.name)`.")
                writer.line("case \(Self.caseName(event))(\(context.eventsName).\(Self.typeName(event)))")
            }
            writer.line("/// An event this build does not know or cannot read, as it came.")
            writer.line("case unknown(name: \(string), data: \(object)?)")
            writer.line()
            writer.line("/// The event in `message`, read with `options`.")
            let options = context.runtime("QAPIDecodingOptions")
            writer.block(
                "\(access)init(decoding message: \(context.runtime("QMPEventMessage")), options: \(options)) {"
            ) { writer in
                if events.isEmpty {
                    writer.line("options.reportUnknownEvent()")
                    writer.line("self = .unknown(name: message.name, data: message.data)")
                    return
                }
                writer.block(
                    "func decoded<Payload: \(context.runtime("QAPIDecodable"))>(_ type: Payload.Type) -> Payload? {"
                ) { writer in
                    writer.line("message.decodeData(as: type, options: options)")
                }
                writer.switchBlock("switch message.name {") { writer in
                    for event in events {
                        writer.line("case \(SwiftGenerationContext.literal(event.name)):")
                        writer.indented { writer in
                            writer.line(
                                "guard let event = decoded(\(context.eventsName).\(Self.typeName(event)).self) else { break }"
                            )
                            writer.line("self = .\(Self.caseName(event))(event)")
                            writer.line("return")
                        }
                    }
                    writer.line("default:")
                    writer.line("    options.reportUnknownEvent()")
                }
                writer.line("self = .unknown(name: message.name, data: message.data)")
            }
        }
    }

    /// The case of `event` in the event set (`BLOCK_JOB_COMPLETED` is
    /// `blockJobCompleted`).
    static func caseName(_ event: QAPISchemaEvent) -> String {
        SwiftNaming.memberName(event.name, reserved: ["unknown"])
    }

    /// The Swift type name of `event` (`BLOCK_JOB_COMPLETED` is `BlockJobCompleted`).
    static func typeName(_ event: QAPISchemaEvent) -> String {
        SwiftNaming.upperCamel(event.name)
    }
}
