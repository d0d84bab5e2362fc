/// Turning checked expressions into entities (QEMU's `_def_*` steps).
extension QAPICheckedSchema {
    /// The predefined types, in QEMU's order: name and JSON type.
    static let builtinTypes: [(String, String)] = [
        ("str", "string"), ("number", "number"), ("int", "int"),
        ("int8", "int"), ("int16", "int"), ("int32", "int"), ("int64", "int"),
        ("uint8", "int"), ("uint16", "int"), ("uint32", "int"), ("uint64", "int"),
        ("size", "int"), ("bool", "boolean"), ("any", "value"), ("null", "null"),
    ]

    func definePredefineds() {
        for (name, jsonType) in Self.builtinTypes {
            try! defineDefinition(QAPISchemaBuiltinType(name: name, jsonType: jsonType))
            _ = try! makeArrayType(name, info: nil)
        }
        let empty = QAPISchemaObjectType(
            name: "q_empty", info: nil, doc: nil, ifcond: QAPISchemaIfCond(), features: [],
            baseName: nil, localMembers: [], branches: nil)
        try! defineDefinition(empty)
        let values = QAPIQType.allCases.map {
            QAPISchemaEnumMember(name: $0.rawValue, info: nil, ifcond: QAPISchemaIfCond(), features: [])
        }
        try! defineDefinition(
            QAPISchemaEnumType(
                name: "QType", info: nil, doc: nil, ifcond: QAPISchemaIfCond(), features: [],
                members: values, prefix: nil))
    }

    func define(_ expression: QAPIExpression) throws(QAPIError) {
        let members = expression.members
        if let name = members["enum"]?.stringValue {
            try defineEnum(name, expression)
        } else if let name = members["struct"]?.stringValue {
            try defineStruct(name, expression)
        } else if let name = members["union"]?.stringValue {
            try defineUnion(name, expression)
        } else if let name = members["alternate"]?.stringValue {
            try defineAlternate(name, expression)
        } else if let name = members["command"]?.stringValue {
            try defineCommand(name, expression)
        } else if let name = members["event"]?.stringValue {
            try defineEvent(name, expression)
        } else if let path = members["include"]?.stringValue {
            assert(expression.doc == nil, "include with documentation")
            addEntity(QAPISchemaInclude(subModule: makeModule(path), info: expression.info))
        }
    }

    // MARK: Entity table

    func addEntity(_ entity: QAPISchemaEntity) {
        entities.append(entity)
    }

    func defineDefinition(_ definition: QAPISchemaDefinition) throws(QAPIError) {
        assert(definition.info != nil || predefining, "only predefined types lack info")
        addEntity(definition)
        if let other = definitions[definition.name] {
            if let otherInfo = other.info {
                let previous = QAPIError(otherInfo, "previous definition").qemuDescription
                throw QAPIError(
                    definition.info, "'\(definition.name)' is already defined\n\(previous)")
            }
            throw QAPIError(definition.info, "\(other.describe()) is already defined")
        }
        definitions[definition.name] = definition
    }

    // MARK: Parts

    func makeFeatures(_ value: SchemaValue?, info: QAPISourceInfo?) -> [QAPISchemaFeature] {
        guard let items = value?.listValue else { return [] }
        var result: [QAPISchemaFeature] = []
        for item in items {
            let spec = Self.namedSpec(item)
            if featureNames.insert(spec.name).inserted {
                features.append(QAPISchemaFeature(name: spec.name, info: info, ifcond: QAPISchemaIfCond()))
            }
            result.append(QAPISchemaFeature(name: spec.name, info: info, ifcond: QAPISchemaIfCond(spec.ifcond)))
        }
        return result
    }

    func makeEnumMembers(_ value: SchemaValue?, info: QAPISourceInfo?) -> [QAPISchemaEnumMember] {
        (value?.listValue ?? []).map { item in
            let spec = Self.namedSpec(item)
            return QAPISchemaEnumMember(
                name: spec.name, info: info, ifcond: QAPISchemaIfCond(spec.ifcond),
                features: makeFeatures(spec.features, info: info))
        }
    }

    func makeArrayType(_ elementType: String, info: QAPISourceInfo?) throws(QAPIError) -> String {
        let name = elementType + "List"
        if lookupType(name) == nil {
            try defineDefinition(QAPISchemaArrayType(name: name, info: info, elementTypeName: elementType))
        }
        return name
    }

    /// A type reference: a name, or `['T']` (made into the array type).
    func makeTypeName(_ value: SchemaValue?, info: QAPISourceInfo?) throws(QAPIError) -> String {
        switch value {
        case .list(let items)?:
            return try makeArrayType(items.first?.stringValue ?? "", info: info)
        case .string(let name)?:
            return name
        default:
            return ""
        }
    }

    func makeMembers(_ value: SchemaValue?, info: QAPISourceInfo) throws(QAPIError) -> [QAPISchemaObjectTypeMember] {
        guard let data = value?.objectValue else { return [] }
        var result: [QAPISchemaObjectTypeMember] = []
        for (key, spec) in data {
            let member = Self.memberSpec(spec)
            var name = key
            var optional = false
            if name.hasPrefix("*") {
                name.removeFirst()
                optional = true
            }
            let typeName = try makeTypeName(member.type, info: info)
            result.append(
                QAPISchemaObjectTypeMember(
                    name: name, info: info, typeName: typeName, optional: optional,
                    ifcond: QAPISchemaIfCond(member.ifcond),
                    features: makeFeatures(member.features, info: info)))
        }
        return result
    }

    func makeVariants(_ value: SchemaValue?, info: QAPISourceInfo) throws(QAPIError) -> [QAPISchemaVariant] {
        guard let data = value?.objectValue else { return [] }
        var result: [QAPISchemaVariant] = []
        for (key, spec) in data {
            let member = Self.memberSpec(spec)
            let typeName = try makeTypeName(member.type, info: info)
            result.append(
                QAPISchemaVariant(
                    name: key, info: info, typeName: typeName, ifcond: QAPISchemaIfCond(member.ifcond)))
        }
        return result
    }

    /// Defines `q_obj_<name>-<role>` for inline members; `nil` when there
    /// are none.
    func makeImplicitObjectType(
        _ name: String, info: QAPISourceInfo, ifcond: QAPISchemaIfCond, role: String,
        members: [QAPISchemaObjectTypeMember]
    ) throws(QAPIError) -> String? {
        if members.isEmpty { return nil }
        let typeName = "q_obj_\(name)-\(role)"
        if lookupEntity(typeName) == nil {
            // A second user can only be a duplicate definition, which is
            // reported when that definition is added.
            try defineDefinition(
                QAPISchemaObjectType(
                    name: typeName, info: info, doc: nil, ifcond: ifcond, features: [],
                    baseName: nil, localMembers: members, branches: nil))
        }
        return typeName
    }

    // MARK: Definitions

    private func defineEnum(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let features = makeFeatures(expression["features"], info: info)
        try defineDefinition(
            QAPISchemaEnumType(
                name: name, info: info, doc: expression.doc, ifcond: QAPISchemaIfCond(expression["if"]),
                features: features, members: makeEnumMembers(expression["data"], info: info),
                prefix: expression["prefix"]?.stringValue))
    }

    private func defineStruct(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let features = makeFeatures(expression["features"], info: info)
        let members = try makeMembers(expression["data"], info: info)
        try defineDefinition(
            QAPISchemaObjectType(
                name: name, info: info, doc: expression.doc, ifcond: QAPISchemaIfCond(expression["if"]),
                features: features, baseName: expression["base"]?.stringValue,
                localMembers: members, branches: nil))
    }

    private func defineUnion(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let ifcond = QAPISchemaIfCond(expression["if"])
        let features = makeFeatures(expression["features"], info: info)
        var baseName = expression["base"]?.stringValue
        if let base = expression["base"], base.objectValue != nil {
            baseName = try makeImplicitObjectType(
                name, info: info, ifcond: ifcond, role: "base",
                members: makeMembers(base, info: info))
        }
        let variants = try makeVariants(expression["data"], info: info)
        let tagName = expression["discriminator"]?.stringValue ?? ""
        try defineDefinition(
            QAPISchemaObjectType(
                name: name, info: info, doc: expression.doc, ifcond: ifcond, features: features,
                baseName: baseName, localMembers: [],
                branches: QAPISchemaBranches(info: info, variants: variants, tagName: tagName)))
    }

    private func defineAlternate(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let ifcond = QAPISchemaIfCond(expression["if"])
        let features = makeFeatures(expression["features"], info: info)
        let variants = try makeVariants(expression["data"], info: info)
        let tag = QAPISchemaObjectTypeMember(
            name: "type", info: info, typeName: "QType", optional: false,
            ifcond: QAPISchemaIfCond(), features: [])
        try defineDefinition(
            QAPISchemaAlternateType(
                name: name, info: info, doc: expression.doc, ifcond: ifcond, features: features,
                alternatives: QAPISchemaAlternatives(info: info, variants: variants, tagMember: tag)))
    }

    private func defineCommand(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let ifcond = QAPISchemaIfCond(expression["if"])
        let features = makeFeatures(expression["features"], info: info)
        let argTypeName = try argumentTypeName(name, expression, ifcond: ifcond)
        var retTypeName: String?
        if let returns = expression["returns"] {
            retTypeName = try makeTypeName(returns, info: info)
        }
        try defineDefinition(
            QAPISchemaCommand(
                name: name, info: info, doc: expression.doc, ifcond: ifcond, features: features,
                argTypeName: argTypeName, retTypeName: retTypeName,
                gen: expression["gen"]?.boolValue ?? true,
                successResponse: expression["success-response"]?.boolValue ?? true,
                boxed: expression["boxed"]?.boolValue ?? false,
                allowOOB: expression["allow-oob"]?.boolValue ?? false,
                allowPreconfig: expression["allow-preconfig"]?.boolValue ?? false,
                coroutine: expression["coroutine"]?.boolValue ?? false))
    }

    private func defineEvent(_ name: String, _ expression: QAPIExpression) throws(QAPIError) {
        let info = expression.info
        let ifcond = QAPISchemaIfCond(expression["if"])
        let features = makeFeatures(expression["features"], info: info)
        let argTypeName = try argumentTypeName(name, expression, ifcond: ifcond)
        try defineDefinition(
            QAPISchemaEvent(
                name: name, info: info, doc: expression.doc, ifcond: ifcond, features: features,
                argTypeName: argTypeName, boxed: expression["boxed"]?.boolValue ?? false))
    }

    /// A command's or event's `data`: a type name, or inline members made
    /// into `q_obj_<name>-arg`.
    private func argumentTypeName(
        _ name: String, _ expression: QAPIExpression, ifcond: QAPISchemaIfCond
    ) throws(QAPIError) -> String? {
        guard let data = expression["data"] else { return nil }
        if data.objectValue != nil {
            return try makeImplicitObjectType(
                name, info: expression.info, ifcond: ifcond, role: "arg",
                members: makeMembers(data, info: expression.info))
        }
        return data.stringValue
    }

    // MARK: Normalization

    /// `'name'` or `{'name': ..., 'if': ..., 'features': ...}`.
    static func namedSpec(_ value: SchemaValue) -> (name: String, ifcond: SchemaValue?, features: SchemaValue?) {
        if let object = value.objectValue {
            return (object["name"]?.stringValue ?? "", object["if"], object["features"])
        }
        return (value.stringValue ?? "", nil, nil)
    }

    /// `TYPE` or `{'type': TYPE, 'if': ..., 'features': ...}`.
    static func memberSpec(_ value: SchemaValue) -> (type: SchemaValue?, ifcond: SchemaValue?, features: SchemaValue?) {
        if let object = value.objectValue {
            return (object["type"], object["if"], object["features"])
        }
        return (value, nil, nil)
    }
}
