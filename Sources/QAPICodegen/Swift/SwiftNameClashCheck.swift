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
            typeNames.reserve(reserved, as: "the generated declaration '\(reserved)'")
        }
        if !commands.isEmpty {
            for nested in ["Arguments", "Result"] {
                typeNames.reserve(nested, as: "the '\(nested)' type of every command namespace")
            }
        }
        if types.contains(where: { ($0 as? QAPISchemaObjectType)?.isUnion == true }) {
            typeNames.reserve("Branch", as: "the 'Branch' type of every union")
        }
        for type in types {
            try typeNames.add(SwiftNaming.typeName(type.name), for: type.describe(), info: type.info)
            try checkMembers(of: type)
        }
        // Registration is declared inside the commands namespace, where a
        // namespace would hide the handler protocol and the introspection
        // enum it names.
        var namespaces = Scope(what: "Swift command namespace")
        for reserved in [context.handlerName, context.introspectionName] {
            namespaces.reserve(reserved, as: "the generated declaration '\(reserved)'")
        }
        var methods = Scope(what: "Swift handler method")
        for command in commands {
            let described = "command '\(command.name)'"
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
            let described = "event '\(event.name)'"
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
                    for: "value '\(value.name)' of \(type.describe())", info: value.info ?? type.info)
            }
        } else if let object = type as? QAPISchemaObjectType {
            try checkObjectMembers(object, owner: type.describe(), info: type.info)
        } else if let alternate = type as? QAPISchemaAlternateType {
            var cases = Scope(what: "Swift case")
            for branch in alternate.alternatives.variants where context.isIncluded(branch.ifcond) {
                try cases.add(
                    SwiftNaming.bare(SwiftEnumEmitter.caseName(branch.name)),
                    for: "branch '\(branch.name)' of \(type.describe())", info: branch.info ?? type.info)
            }
        }
    }

    private func checkObjectMembers(
        _ object: QAPISchemaObjectType, owner: String, info: QAPISourceInfo?
    ) throws(QAPIError) {
        var properties = Scope(what: "Swift property")
        for member in context.members(of: object) {
            try properties.add(
                SwiftNaming.bare(SwiftObjectEmitter.propertyName(member.name)),
                for: "member '\(member.name)' of \(owner)", info: member.info ?? info)
        }
    }

    /// One namespace of Swift names and the QAPI element that took each.
    struct Scope {
        let what: String
        var owners: [String: String] = [:]

        init(what: String) { self.what = what }

        mutating func reserve(_ name: String, as owner: String) {
            owners[name] = owner
        }

        mutating func add(_ name: String, for owner: String, info: QAPISourceInfo?) throws(QAPIError) {
            if let other = owners[name] {
                throw QAPIError(info, "\(owner) and \(other) both become \(what) '\(name)'")
            }
            owners[name] = owner
        }
    }
}
