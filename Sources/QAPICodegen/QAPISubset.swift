import QAPISchema

/// A part of a schema to generate: the named commands, events and types,
/// and every type they reach (members, bases, union branches, alternate
/// branches, array elements, arguments and results). A client or server
/// that uses 20 of QEMU's 200 commands compiles only what those need, and
/// its introspection data describes exactly them.
public struct QAPISubset: Sendable, Hashable {
    /// The commands to generate.
    public var commands: Set<String>
    /// The events to generate.
    public var events: Set<String>
    /// Further types to generate (with what they reach).
    public var types: Set<String>

    /// A subset of the given commands, events and types.
    public init(commands: Set<String> = [], events: Set<String> = [], types: Set<String> = []) {
        self.commands = commands
        self.events = events
        self.types = types
    }

    /// The first name that `schema` does not define as what it was asked
    /// for, as an error.
    public func validate(against schema: QAPICheckedSchema) throws(QAPIError) {
        for (names, meta) in [(commands, QAPIMetaType.command), (events, .event)] {
            for name in names.sorted() where (schema.lookupEntity(name)?.meta != meta) {
                throw QAPIError(nil, "subset: the schema has no \(meta.rawValue) '\(name)'")
            }
        }
        for name in types.sorted() where schema.lookupType(name) == nil || schema.lookupType(name)?.isImplicit == true {
            throw QAPIError(nil, "subset: the schema has no type '\(name)'")
        }
    }

    /// Whether `definition` is in the subset of `schema`: a listed command
    /// or event, or a type one of them, or a listed type, reaches.
    func contains(_ definition: QAPISchemaDefinition, reached: Set<ObjectIdentifier>) -> Bool {
        switch definition {
        case let command as QAPISchemaCommand: return commands.contains(command.name)
        case let event as QAPISchemaEvent: return events.contains(event.name)
        default: return reached.contains(ObjectIdentifier(definition))
        }
    }

    /// Every type the subset's commands, events and types reach.
    func reachedTypes(in schema: QAPICheckedSchema) -> Set<ObjectIdentifier> {
        var work: [QAPISchemaType] = []
        for name in commands {
            guard let command = schema.lookupEntity(name) as? QAPISchemaCommand else { continue }
            work += [command.argType, command.retType].compactMap { $0 }
        }
        for name in events {
            guard let event = schema.lookupEntity(name) as? QAPISchemaEvent else { continue }
            work += [event.argType].compactMap { $0 }
        }
        work += types.compactMap { schema.lookupType($0) }
        var reached = Set<ObjectIdentifier>()
        while let type = work.popLast() {
            guard reached.insert(ObjectIdentifier(type)).inserted else { continue }
            switch type {
            case let object as QAPISchemaObjectType:
                work += object.members.map(\.type)
                work += [object.base].compactMap { $0 }
                work += object.branches?.variants.map(\.type) ?? []
            case let alternate as QAPISchemaAlternateType:
                work += alternate.alternatives.variants.map(\.type)
            case let array as QAPISchemaArrayType:
                work.append(array.elementType)
            default:
                break
            }
        }
        return reached
    }
}
