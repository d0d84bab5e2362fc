import QAPISchema

/// Finds QAPI names that would become the same Swift name, and reports
/// the first such pair as a schema error naming both, instead of letting
/// the generated code fail to build.
struct SwiftNameClashCheck {
    let context: SwiftGenerationContext

    /// Checks every scope of generated names, in schema order.
    func check(types: [QAPISchemaType], commands: [QAPISchemaCommand], events: [QAPISchemaEvent]) throws(QAPIError) {
        var typeNames = Scope(what: "Swift type")
        for reserved in [
            context.commandsName, context.eventsName, context.handlerName, context.introspectionName,
            context.eventSetName,
        ] {
            typeNames.reserve(reserved, as: Owner("the generated declaration '\(reserved)'"))
        }
        if !commands.isEmpty {
            for nested in ["Arguments", "Result"] {
                typeNames.reserve(nested, as: Owner("the '\(nested)' type of every command namespace"))
            }
        }
        if types.contains(where: { ($0 as? QAPISchemaObjectType)?.isUnion == true }) {
            typeNames.reserve("Branch", as: Owner("the 'Branch' type of every union"))
        }
        for type in types {
            try typeNames.add(SwiftNaming.typeName(type.name), for: Owner(type: type), info: type.info)
            try checkMembers(of: type)
        }
        // Registration is declared inside the commands namespace, where a
        // namespace would hide the handler protocol and the introspection
        // enum it names.
        var namespaces = Scope(what: "Swift command namespace")
        for reserved in [context.handlerName, context.introspectionName] {
            namespaces.reserve(reserved, as: Owner("the generated declaration '\(reserved)'"))
        }
        var methods = Scope(what: "Swift handler method")
        for command in commands {
            let described = Owner(kind: "command", name: command.name)
            try namespaces.add(SwiftCommandEmitter.namespaceName(command), for: described, info: command.info)
            if command.gen {
                try methods.add(
                    SwiftNaming.bare(SwiftCommandEmitter.methodName(command)), for: described, info: command.info)
            }
            if let argType = command.argType, argType.isImplicit {
                try checkObjectMembers(argType, owner: described, info: command.info)
            }
        }
        // Inside an event type, another event type hides a schema type of
        // the same name, so event types share the schema types' names.
        for event in events {
            let described = Owner(kind: "event", name: event.name)
            try typeNames.add(SwiftEventEmitter.typeName(event), for: described, info: event.info)
            if let argType = event.argType, argType.isImplicit {
                try checkObjectMembers(argType, owner: described, info: event.info)
            }
        }
    }

    private func checkMembers(of type: QAPISchemaType) throws(QAPIError) {
        if let enumType = type as? QAPISchemaEnumType {
            var cases = Scope(what: "Swift case")
            for value in enumType.members where context.isIncluded(value.ifcond) {
                try cases.add(
                    SwiftNaming.bare(SwiftEnumEmitter.caseName(value.name)),
                    for: Owner(kind: "value", name: value.name, of: Owner(type: type)), info: value.info ?? type.info)
            }
        } else if let object = type as? QAPISchemaObjectType {
            try checkObjectMembers(object, owner: Owner(type: type), info: type.info)
        } else if let alternate = type as? QAPISchemaAlternateType {
            var cases = Scope(what: "Swift case")
            for branch in alternate.alternatives.variants where context.isIncluded(branch.ifcond) {
                try cases.add(
                    SwiftNaming.bare(SwiftEnumEmitter.caseName(branch.name)),
                    for: Owner(kind: "branch", name: branch.name, of: Owner(type: type)), info: branch.info ?? type.info
                )
            }
        }
    }

    private func checkObjectMembers(
        _ object: QAPISchemaObjectType, owner: Owner, info: QAPISourceInfo?
    ) throws(QAPIError) {
        var properties = Scope(what: "Swift property")
        for member in context.members(of: object) {
            try properties.add(
                SwiftNaming.bare(SwiftObjectEmitter.propertyName(member.name)),
                for: Owner(kind: "member", name: member.name, of: owner), info: member.info ?? info)
        }
    }

    /// The QAPI element that took a Swift name, described only when it
    /// is named in an error: most names never clash, so the check keeps
    /// the parts instead of building a text for each.
    struct Owner {
        private enum Subject {
            case text(String)
            case type(QAPISchemaType)
            case named(kind: String, name: String)

            var description: String {
                switch self {
                case .text(let text): text
                case .type(let type): type.describe()
                case .named(let kind, let name): "\(kind) '\(name)'"
                }
            }
        }

        private let subject: Subject
        private let container: Subject?

        /// An owner described by `text` as it is.
        init(_ text: String) {
            (subject, container) = (.text(text), nil)
        }

        /// A schema type, described as QEMU's errors describe it.
        init(type: QAPISchemaType) {
            (subject, container) = (.type(type), nil)
        }

        /// `kind 'name'`, then ` of ` and `container` when there is one
        /// (a type, a command or an event, itself in no container).
        init(kind: String, name: String, of container: Owner? = nil) {
            (subject, self.container) = (.named(kind: kind, name: name), container?.subject)
        }

        /// The text an error names the owner with.
        var description: String {
            container.map { "\(subject.description) of \($0.description)" } ?? subject.description
        }
    }

    /// One namespace of Swift names and the QAPI element that took each.
    struct Scope {
        let what: String
        var owners: [String: Owner] = [:]

        init(what: String) { self.what = what }

        mutating func reserve(_ name: String, as owner: Owner) {
            owners[name] = owner
        }

        mutating func add(_ name: String, for owner: Owner, info: QAPISourceInfo?) throws(QAPIError) {
            if let other = owners.updateValue(owner, forKey: name) {
                throw QAPIError(info, "\(owner.description) and \(other.description) both become \(what) '\(name)'")
            }
        }
    }
}
