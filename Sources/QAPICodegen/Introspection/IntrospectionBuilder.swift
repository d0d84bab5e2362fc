import QAPISchema

/// Builds the SchemaInfo list as QEMU's introspection generator does:
/// commands and events in schema order, each noting the types it uses,
/// then every used type in order of first use (types that no command or
/// event reaches are left out). Conditions are kept, not evaluated, so
/// masked numbers do not depend on the defined symbols.
struct IntrospectionBuilder: QAPISchemaVisitor {
    private let schema: QAPICheckedSchema
    private var masker: IntrospectionNameMasker
    private var entries: [IntrospectionEntry] = []
    private var usedTypes: [QAPISchemaType] = []
    private var usedSet: Set<ObjectIdentifier> = []
    private let intType: QAPISchemaType?
    private let intListType: QAPISchemaType?
    /// The part of the schema to describe; nil for all of it.
    private let subset: QAPISubset?

    /// A builder for `schema`; `unmask` keeps type names.
    init(schema: QAPICheckedSchema, unmask: Bool, subset: QAPISubset? = nil) {
        self.schema = schema
        self.subset = subset
        masker = IntrospectionNameMasker(unmask: unmask)
        intType = schema.lookupType("int")
        intListType = schema.lookupType("intList")
    }

    /// Walks the schema and returns the entries.
    static func build(_ schema: QAPICheckedSchema, unmask: Bool, subset: QAPISubset? = nil) -> [IntrospectionEntry] {
        var builder = IntrospectionBuilder(schema: schema, unmask: unmask, subset: subset)
        schema.visit(&builder)
        return builder.entries
    }

    // MARK: Visitor

    func visitNeeded(_ entity: QAPISchemaEntity) -> Bool {
        if entity is QAPISchemaType { return false }
        guard let subset else { return true }
        if let command = entity as? QAPISchemaCommand { return subset.commands.contains(command.name) }
        if let event = entity as? QAPISchemaEvent { return subset.events.contains(event.name) }
        return true
    }

    mutating func visitCommand(_ command: QAPISchemaCommand) {
        var fields = [
            IntrospectionField("arg-type", .string(useType(command.argType ?? schema.emptyObjectType))),
            IntrospectionField("ret-type", .string(useType(command.retType ?? schema.emptyObjectType))),
        ]
        if command.allowOOB { fields.append(IntrospectionField("allow-oob", .bool(true))) }
        addEntry(command.name, command.name, "command", fields, command.ifcond, command.features)
    }

    mutating func visitEvent(_ event: QAPISchemaEvent) {
        let fields = [IntrospectionField("arg-type", .string(useType(event.argType ?? schema.emptyObjectType)))]
        addEntry(event.name, event.name, "event", fields, event.ifcond, event.features)
    }

    mutating func visitEnd() {
        // The list grows while it is walked: a type's members add theirs.
        var index = 0
        while index < usedTypes.count {
            addTypeEntry(usedTypes[index])
            index += 1
        }
    }

    // MARK: Types

    /// Records that `type` is used and returns the name to show for it.
    /// Sized integer types stand for `int` (their arrays for `intList`).
    private mutating func useType(_ type: QAPISchemaType) -> String {
        var type = type
        if type.jsonType == "int", let intType {
            type = intType
        } else if let array = type as? QAPISchemaArrayType, array.elementType.jsonType == "int",
            let intListType
        {
            type = intListType
        }
        if usedSet.insert(ObjectIdentifier(type)).inserted {
            usedTypes.append(type)
        }
        if type is QAPISchemaBuiltinType { return type.name }
        if let array = type as? QAPISchemaArrayType { return "[" + useType(array.elementType) + "]" }
        return masker.publicName(type.name)
    }

    private mutating func addTypeEntry(_ type: QAPISchemaType) {
        switch type {
        case let builtin as QAPISchemaBuiltinType:
            addEntry(
                builtin.name, builtin.name, "builtin",
                [IntrospectionField("json-type", .string(builtin.jsonType))], QAPISchemaIfCond(), [])
        case let enumType as QAPISchemaEnumType:
            addEnumEntry(enumType)
        case let array as QAPISchemaArrayType:
            let element = useType(array.elementType)
            addEntry(
                "[" + element + "]", array.name, "array",
                [IntrospectionField("element-type", .string(element))], array.ifcond, [])
        case let object as QAPISchemaObjectType:
            addObjectEntry(object)
        case let alternate as QAPISchemaAlternateType:
            let members = alternate.alternatives.variants.map { variant in
                IntrospectionValue.annotated(
                    .object([IntrospectionField("type", .string(useType(variant.type)))]), variant.ifcond)
            }
            addEntry(
                masker.publicName(alternate.name), alternate.name, "alternate",
                [IntrospectionField("members", .array(members))], alternate.ifcond, alternate.features)
        default:
            preconditionFailure("unknown kind of type '\(type.name)'")
        }
    }

    private mutating func addEnumEntry(_ type: QAPISchemaEnumType) {
        let members = type.members.map { member in
            var fields = [IntrospectionField("name", .string(member.name))]
            if !member.features.isEmpty {
                fields.append(IntrospectionField("features", Self.features(member.features)))
            }
            return IntrospectionValue.annotated(Self.object(fields), member.ifcond)
        }
        let values = type.members.map { IntrospectionValue.annotated(.string($0.name), $0.ifcond) }
        addEntry(
            masker.publicName(type.name), type.name, "enum",
            [IntrospectionField("members", .array(members)), IntrospectionField("values", .array(values))],
            type.ifcond, type.features)
    }

    private mutating func addObjectEntry(_ type: QAPISchemaObjectType) {
        let members = type.members.map { member in
            var fields = [
                IntrospectionField("name", .string(member.name)),
                IntrospectionField("type", .string(useType(member.type))),
            ]
            if member.optional { fields.append(IntrospectionField("default", .null)) }
            if !member.features.isEmpty {
                fields.append(IntrospectionField("features", Self.features(member.features)))
            }
            return IntrospectionValue.annotated(Self.object(fields), member.ifcond)
        }
        var fields = [IntrospectionField("members", .array(members))]
        if let branches = type.branches {
            fields.append(IntrospectionField("tag", .string(branches.tagMember.name)))
            let variants = branches.variants.map { variant in
                IntrospectionValue.annotated(
                    .object([
                        IntrospectionField("case", .string(variant.name)),
                        IntrospectionField("type", .string(useType(variant.type))),
                    ]), variant.ifcond)
            }
            fields.append(IntrospectionField("variants", .array(variants)))
        }
        addEntry(masker.publicName(type.name), type.name, "object", fields, type.ifcond, type.features)
    }

    // MARK: Entries

    private mutating func addEntry(
        _ name: String, _ schemaName: String, _ metaType: String, _ fields: [IntrospectionField],
        _ ifcond: QAPISchemaIfCond, _ features: [QAPISchemaFeature]
    ) {
        var fields = fields
        fields.append(IntrospectionField("name", .string(name)))
        fields.append(IntrospectionField("meta-type", .string(metaType)))
        if !features.isEmpty { fields.append(IntrospectionField("features", Self.features(features))) }
        entries.append(
            IntrospectionEntry(
                name: name, schemaName: schemaName, metaType: metaType, ifcond: ifcond, value: Self.object(fields)))
    }

    /// The feature names, each under its own condition.
    private static func features(_ features: [QAPISchemaFeature]) -> IntrospectionValue {
        .array(features.map { .annotated(.string($0.name), $0.ifcond) })
    }

    /// An object with its keys sorted, as in QEMU's reference dumps.
    private static func object(_ fields: [IntrospectionField]) -> IntrospectionValue {
        .object(fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    }
}
