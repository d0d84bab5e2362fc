import QAPISchema

/// Emits one struct per event in the events namespace (`SHUTDOWN` is
/// `Events.Shutdown`): the event's wire name and its typed payload, which
/// the runtime's single emit path turns into an event message.
struct SwiftEventEmitter {
    let context: SwiftGenerationContext

    func emit(_ event: QAPISchemaEvent, into writer: inout SwiftCodeWriter) {
        let access = context.access
        let name = Self.typeName(event)
        let eventProtocol = context.runtime("QMPEvent")
        let object = context.runtime("JSONObject")
        writer.block("extension \(context.eventsName) {") { writer in
            writer.docComment(SwiftDocComments.definition(event, what: "event", context: context))
            let header: (inout SwiftCodeWriter) -> Void = { writer in
                writer.line("/// The event's wire name.")
                writer.line("\(access)static let name: \(context.std("String")) = \(SwiftGenerationContext.literal(event.name))")
                writer.line()
            }
            if let argType = event.argType, event.boxed {
                let conformances = [eventProtocol, context.hashable].joined(separator: ", ")
                writer.block("\(access)struct \(name): \(conformances) {") { writer in
                    header(&writer)
                    writer.line("/// The event's data.")
                    writer.line("\(access)var data: \(context.swiftType(argType))")
                    writer.line()
                    writer.line("/// The event with `data`.")
                    writer.line("\(access)init(_ data: \(context.swiftType(argType))) { self.data = data }")
                    writer.line()
                    writer.line("/// The `data` member of the event message.")
                    writer.block("\(access)func eventData() -> \(object)? {") { writer in
                        writer.line("if case .object(let members) = self.data.qapiEncoded() { return members }")
                        writer.line("return nil")
                    }
                }
            } else if let argType = event.argType {
                SwiftObjectEmitter(context: context).emitBody(
                    of: argType, named: name, doc: event.doc, into: &writer, extraConformances: [eventProtocol]
                ) { writer in
                    header(&writer)
                    writer.line("/// The `data` member of the event message.")
                    writer.block("\(access)func eventData() -> \(object)? {") { writer in
                        writer.line("var encoder = \(context.runtime("QAPIObjectEncoder"))()")
                        writer.line("self.encodeMembers(to: &encoder)")
                        writer.line("return encoder.object")
                    }
                    writer.line()
                }
            } else {
                let conformances = [eventProtocol, context.hashable].joined(separator: ", ")
                writer.block("\(access)struct \(name): \(conformances) {") { writer in
                    header(&writer)
                    writer.line("/// The event (it has no data).")
                    writer.line("\(access)init() {}")
                    writer.line()
                    writer.line("/// No `data` member.")
                    writer.line("\(access)func eventData() -> \(object)? { nil }")
                }
            }
        }
    }

    /// The Swift type name of `event` (`BLOCK_JOB_COMPLETED` is `BlockJobCompleted`).
    static func typeName(_ event: QAPISchemaEvent) -> String {
        SwiftNaming.upperCamel(event.name)
    }
}
