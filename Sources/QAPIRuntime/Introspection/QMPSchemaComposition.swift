/// Builds the `query-qmp-schema` answer of a server from the schemas its
/// commands come from: the served commands, every event of those schemas,
/// and the types they reach, as one consistent schema.
///
/// Rules, so that the result is deterministic and, for one schema whose
/// every command is served, byte for byte the generated data:
/// - commands and events come first, schema by schema in the order given,
///   each in its schema's order; then the types, the same way;
/// - an event that an earlier schema already lists is left out;
/// - a type that an earlier schema defines with the same name and the same
///   definition is listed once; one with the same name and another
///   definition is a different type (unmasked, it is listed as `NAME-N`,
///   N being the schema's position, with `-N` added again while the name
///   is taken);
/// - masked, the first schema's types keep their generated numbers (gaps
///   where types are not served, as in QEMU builds without some symbols)
///   and the other schemas' types get new numbers after them.
struct QMPSchemaComposition {
    /// One schema and the names of the commands served from it.
    struct Part {
        let schema: QMPSchemaIntrospection
        let commands: Set<String>
    }

    /// A type across schemas: the schema's position and its real name.
    private struct TypeKey: Hashable {
        let part: Int
        let name: String
    }

    private let parts: [Part]
    private let masked: Bool

    /// A composition of `parts`, masked when `masked`.
    init(parts: [Part], masked: Bool) {
        self.parts = parts
        self.masked = masked
    }

    /// The SchemaInfo entries.
    func compose() -> [JSONValue] {
        // Every entry in real-name space, per schema.
        let sources = parts.map { part in part.schema.entries.map { Self.rename($0, part.schema.realName) } }
        var types: [TypeKey: JSONValue] = [:]
        for (index, entries) in sources.enumerated() {
            for entry in entries where !Self.isCommandOrEvent(entry) {
                if let name = entry["name"]?.stringValue { types[TypeKey(part: index, name: name)] = entry }
            }
        }
        // The same type in an earlier schema stands for a later one.
        var canonical: [TypeKey: TypeKey] = [:]
        var firstByName: [String: [TypeKey]] = [:]
        for (index, entries) in sources.enumerated() {
            for entry in entries where !Self.isCommandOrEvent(entry) {
                guard let name = entry["name"]?.stringValue else { continue }
                let key = TypeKey(part: index, name: name)
                let earlier = firstByName[name, default: []].first { types[$0] == entry }
                canonical[key] = earlier ?? key
                if earlier == nil { firstByName[name, default: []].append(key) }
            }
        }
        // Commands and events, then what they reach.
        var heads: [(Int, JSONValue)] = []
        var events = Set<String>()
        for (index, entries) in sources.enumerated() {
            for entry in entries where Self.isCommandOrEvent(entry) {
                guard let name = entry["name"]?.stringValue else { continue }
                if entry["meta-type"]?.stringValue == "command" {
                    guard parts[index].commands.contains(name) else { continue }
                } else {
                    guard events.insert(name).inserted else { continue }
                }
                heads.append((index, entry))
            }
        }
        var reached = Set<TypeKey>()
        var work = heads.flatMap { index, entry in Self.references(entry).map { TypeKey(part: index, name: $0) } }
        while let next = work.popLast() {
            let key = canonical[next] ?? next
            guard reached.insert(key).inserted, let entry = types[key] else { continue }
            work += Self.references(entry).map { TypeKey(part: key.part, name: $0) }
        }
        let publicNames = publicNames(for: sources, reached: reached, canonical: canonical)
        var result: [JSONValue] = []
        for (index, entry) in heads {
            result.append(
                Self.rename(entry) {
                    publicNames[canonical[TypeKey(part: index, name: $0)] ?? TypeKey(part: index, name: $0)] ?? $0
                })
        }
        for (index, entries) in sources.enumerated() {
            for entry in entries where !Self.isCommandOrEvent(entry) {
                guard let name = entry["name"]?.stringValue else { continue }
                let key = TypeKey(part: index, name: name)
                guard canonical[key] == key, reached.contains(key) else { continue }
                result.append(
                    Self.rename(entry) {
                        publicNames[canonical[TypeKey(part: index, name: $0)] ?? TypeKey(part: index, name: $0)] ?? $0
                    })
            }
        }
        return result
    }

    /// The name each listed type goes by in the answer.
    private func publicNames(
        for sources: [[JSONValue]], reached: Set<TypeKey>, canonical: [TypeKey: TypeKey]
    ) -> [TypeKey: String] {
        var names: [TypeKey: String] = [:]
        var taken = Set<String>()
        let firstTable = masked ? parts.first?.schema.typeNames ?? [] : []
        var nextNumber = firstTable.count
        for (number, name) in firstTable.enumerated() { names[TypeKey(part: 0, name: name)] = String(number) }
        for (index, entries) in sources.enumerated() {
            for entry in entries where !Self.isCommandOrEvent(entry) {
                guard let name = entry["name"]?.stringValue else { continue }
                let key = TypeKey(part: index, name: name)
                guard canonical[key] == key, reached.contains(key), entry["meta-type"]?.stringValue != "array" else {
                    continue
                }
                if Self.isBuiltin(entry) {
                    names[key] = name
                } else if masked {
                    if names[key] == nil {
                        names[key] = String(nextNumber)
                        nextNumber += 1
                    }
                } else {
                    var unique = name
                    while taken.contains(unique) { unique += "-\(index)" }
                    names[key] = unique
                    taken.insert(unique)
                }
            }
        }
        // Array names follow their element's.
        for (index, entries) in sources.enumerated() {
            for entry in entries where entry["meta-type"]?.stringValue == "array" {
                guard let name = entry["name"]?.stringValue, let element = entry["element-type"]?.stringValue else {
                    continue
                }
                let elementKey = canonical[TypeKey(part: index, name: element)] ?? TypeKey(part: index, name: element)
                names[TypeKey(part: index, name: name)] = "[" + (names[elementKey] ?? element) + "]"
            }
        }
        return names
    }

    private static func isCommandOrEvent(_ entry: JSONValue) -> Bool {
        let metaType = entry["meta-type"]?.stringValue
        return metaType == "command" || metaType == "event"
    }

    private static func isBuiltin(_ entry: JSONValue) -> Bool {
        entry["meta-type"]?.stringValue == "builtin"
    }

    /// The type names `entry` refers to.
    static func references(_ entry: JSONValue) -> [String] {
        var names: [String] = []
        for key in ["arg-type", "ret-type", "element-type"] {
            if let name = entry[key]?.stringValue { names.append(name) }
        }
        for list in ["members", "variants"] {
            for element in entry[list]?.arrayValue ?? [] {
                if let name = element["type"]?.stringValue { names.append(name) }
            }
        }
        return names
    }

    /// `entry` with every type name (its own, for a type, and each it
    /// refers to) passed through `rename`.
    static func rename(_ entry: JSONValue, _ rename: (String) -> String) -> JSONValue {
        guard case .object(var object) = entry else { return entry }
        let isType = !isCommandOrEvent(entry)
        for key in (isType ? ["name"] : []) + ["arg-type", "ret-type", "element-type"] {
            if let name = object[key]?.stringValue { object[key] = .string(rename(name)) }
        }
        for list in ["members", "variants"] {
            guard let elements = object[list]?.arrayValue else { continue }
            object[list] = .array(
                elements.map { element in
                    guard case .object(var member) = element, let name = member["type"]?.stringValue else {
                        return element
                    }
                    member["type"] = .string(rename(name))
                    return .object(member)
                })
        }
        return .object(object)
    }
}

extension QMPSchemaIntrospection {
    /// The real name behind type name `name` as it appears in `json`
    /// (`"12"` or `"[12]"` when masked; builtins and unmasked names stand
    /// for themselves).
    func realName(_ name: String) -> String {
        guard let typeNames else { return name }
        if name.hasPrefix("["), name.hasSuffix("]") {
            return "[" + realName(String(name.dropFirst().dropLast())) + "]"
        }
        guard let number = Int(name), number >= 0, number < typeNames.count else { return name }
        return typeNames[number]
    }
}

extension QMPCommandRegistry {
    /// The `query-qmp-schema` answer for the commands registered here:
    /// every registered, enabled command that has a schema, every event of
    /// those schemas, and the types they use (see
    /// `QMPSchemaComposition`). Type names are masked to numbers when
    /// `masked` is true, or, when it is nil, unless one of the served
    /// schemas was generated with `unmask` (a server's own commands
    /// asking for real names show them, beside a core that masks them).
    public func introspection(masked: Bool? = nil) -> JSONValue {
        var parts: [QMPSchemaComposition.Part] = []
        var positions: [ObjectIdentifier: Int] = [:]
        var served: [[String]] = []
        for command in commands where isEnabled(command.name) {
            guard let schema = command.schema else { continue }
            let id = ObjectIdentifier(schema)
            if positions[id] == nil {
                positions[id] = parts.count
                parts.append(QMPSchemaComposition.Part(schema: schema, commands: []))
                served.append([])
            }
            served[positions[id]!].append(command.name)
        }
        let finished = zip(parts, served).map { QMPSchemaComposition.Part(schema: $0.schema, commands: Set($1)) }
        let composition = QMPSchemaComposition(
            parts: finished, masked: masked ?? finished.allSatisfy(\.schema.isMasked))
        return .array(composition.compose())
    }
}
