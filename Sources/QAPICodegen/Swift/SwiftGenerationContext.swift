import QAPISchema

/// What every emitter needs: the schema, the options, and the Swift names
/// of the schema's types, aggregates and builtins.
struct SwiftGenerationContext {
    let schema: QAPICheckedSchema
    let options: SwiftGeneratorOptions
    /// `public ` / `package ` / nothing, ready to prefix a declaration.
    let access: String
    /// The Swift names of the generated types, to know which standard
    /// names they shadow.
    let declaredTypeNames: Set<String>
    /// The namespace of command namespaces (`Commands`, with the prefix).
    let commandsName: String
    /// The namespace of event types.
    let eventsName: String
    /// The handler protocol.
    let handlerName: String
    /// The introspection namespace.
    let introspectionName: String
    /// The enum of all events, for clients.
    let eventSetName: String
    /// The UpperCamel form of the prefix, in front of the per-schema names.
    let namePrefix: String
    /// The types that contain themselves.
    var recursion = SwiftRecursion()

    init(schema: QAPICheckedSchema, options: SwiftGeneratorOptions, declaredTypeNames: Set<String>) {
        self.schema = schema
        self.options = options
        access = options.access == .internal ? "" : options.access.rawValue + " "
        self.declaredTypeNames = declaredTypeNames
        let prefix = SwiftGenerationContext.namePrefix(options.prefix)
        commandsName = prefix + "Commands"
        eventsName = prefix + "Events"
        handlerName = prefix + "CommandHandler"
        introspectionName = prefix + "Introspection"
        eventSetName = prefix + "Event"
        namePrefix = prefix
    }

    /// The UpperCamel identifier form of a file-name prefix (`test-` is `Test`).
    static func namePrefix(_ prefix: String) -> String {
        prefix.isEmpty ? "" : SwiftNaming.upperCamel(prefix)
    }

    /// Whether an element with condition `ifcond` is part of this build.
    func isIncluded(_ ifcond: QAPISchemaIfCond) -> Bool {
        ifcond.evaluate(defined: options.definedSymbols)
    }

    /// A standard-library type, qualified when a schema type shadows it.
    func std(_ name: String) -> String {
        declaredTypeNames.contains(name) ? "Swift." + name : name
    }

    /// A runtime type, qualified when a schema type shadows it.
    func runtime(_ name: String) -> String {
        declaredTypeNames.contains(name) ? "QAPIRuntime." + name : name
    }

    /// The declaration of a stored member named `name` of type `type`
    /// (a struct's or union's member, a union's branch, an event's data):
    /// `let`, or `var` with `mutableMembers`. A member stored through a
    /// property wrapper (`wrapper`, e.g. `@QAPIIndirect `) must be a
    /// `var`; without `mutableMembers` its setter is private.
    func storedMember(_ name: String, _ type: String, wrapper: String = "") -> String {
        if options.mutableMembers { return "\(wrapper)\(access)var \(name): \(type)" }
        if wrapper.isEmpty { return "\(access)let \(name): \(type)" }
        return "\(wrapper)\(access)private(set) var \(name): \(type)"
    }

    /// The access of the codec (`init(qapiMembers:)`, `encodeMembers(to:)`,
    /// `init(qapi:)`, ...): the runtime calls it through its protocols, so
    /// for public code it is `@_spi(QAPICodec) public`, out of users' way
    /// (autocompletion, DocC) unless they `@_spi(QAPICodec) import`.
    var codecAccess: String {
        options.access == .public ? "@_spi(QAPICodec) public " : access
    }

    /// The attribute on the line before a function that writes values
    /// (`encodeMembers(to:)`, a branch's `qapiTag`, an event's
    /// `eventData()`): it is compiled without optimisation in every build.
    /// Such code runs once per member written and its time is the
    /// runtime's generic writer's, so the optimiser gains it nothing,
    /// while its work on every type of a large schema was about 5 % of a
    /// release build. Readers stay optimised: decoding speed is theirs.
    static let unoptimized = "@_optimize(none)"

    /// The conformance every generated value type declares besides its
    /// QAPI protocol: `Hashable` through its wire form, which the runtime
    /// implements, so that no generated type carries a synthesized `==`
    /// and `hash(into:)` (a fifth of a release build's time on QEMU's
    /// schema).
    var wireHashable: String { runtime("QAPIWireHashable") }

    /// The Swift type of values of QAPI type `type`.
    func swiftType(_ type: QAPISchemaType) -> String {
        if let array = type as? QAPISchemaArrayType {
            return "[" + swiftType(array.elementType) + "]"
        }
        guard type is QAPISchemaBuiltinType else { return SwiftNaming.typeName(type.name) }
        switch type.name {
        case "str": return std("String")
        case "int", "int64": return std("Int64")
        case "int8": return std("Int8")
        case "int16": return std("Int16")
        case "int32": return std("Int32")
        case "uint8": return std("UInt8")
        case "uint16": return std("UInt16")
        case "uint32": return std("UInt32")
        case "uint64", "size": return std("UInt64")
        case "number": return std("Double")
        case "bool": return std("Bool")
        case "null": return runtime("QAPINull")
        default: return runtime("JSONValue")
        }
    }

    /// The members of `type` in this build, base members first.
    func members(of type: QAPISchemaObjectType) -> [QAPISchemaObjectTypeMember] {
        type.members.filter { isIncluded($0.ifcond) }
    }

    /// The `QAPIFeatures` expression for the special features among
    /// `features` in this build, or nil when there are none.
    func featureExpression(_ features: [QAPISchemaFeature]) -> String? {
        let names = features.filter { $0.isSpecial && isIncluded($0.ifcond) }.map(\.name)
        if names.isEmpty { return nil }
        let sorted = ["deprecated", "unstable"].filter(names.contains)
        return sorted.count == 1 ? "." + sorted[0] : "[" + sorted.map { "." + $0 }.joined(separator: ", ") + "]"
    }

    /// A Swift string literal for `text` (wire names are plain ASCII, but
    /// escape anyway).
    static func literal(_ text: String) -> String {
        // Names and most texts need no escape: quoted as they are.
        let plain = text.withContiguousUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
