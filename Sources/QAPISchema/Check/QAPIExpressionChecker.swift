/// The expression checks of QEMU's generator (its `expr.py`), in its order.
///
/// Each definition is checked for its meta-type, its name, its
/// documentation, its keys and the shape of every value. The first
/// violation is thrown with QEMU's message; once the name is known the
/// expression's source info records the definition, so that the error
/// (and every later one at that info) reads "In struct 'X':".
public enum QAPIExpressionChecker {
    /// The meta-type keys, one of which every definition has.
    static let metaTypes = ["enum", "struct", "union", "alternate", "command", "event"]

    /// Checks every expression; returns them for the schema to build from,
    /// desugared the way QEMU normalizes them: members and branches as
    /// `{'type': ...}` objects, enum values and features as
    /// `{'name': ...}` objects. `include` markers pass through unchanged.
    public static func check(_ expressions: [QAPIExpression]) throws(QAPIError) -> [QAPIExpression] {
        var checked: [QAPIExpression] = []
        checked.reserveCapacity(expressions.count)
        for expression in expressions {
            if expression.members.contains("include") {
                checked.append(expression)
                continue
            }
            let members = try checkDefinition(expression)
            checked.append(QAPIExpression(members: members, info: expression.info, doc: expression.doc))
        }
        return checked
    }

    /// Checks one definition and returns its members desugared.
    private static func checkDefinition(_ expression: QAPIExpression) throws(QAPIError) -> SchemaObject {
        let info = expression.info
        var definition = expression.members
        var metas = definition.lazy.filter { ExpressionRules.isAmong($0.key, metaTypes) }.makeIterator()
        guard let meta = metas.next()?.key, metas.next() == nil else {
            throw QAPIError(
                info,
                "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'")
        }
        let name = try ExpressionRules.checkNameIsString(definition[meta]!, info, "'\(meta)'")
        info.setDefinition(meta: meta, name: name)
        try ExpressionRules.checkDefinitionName(name, info, meta: meta)
        try checkDocumentation(expression, name: name)
        try checkShape(meta: meta, name: name, &definition, info)
        try ExpressionRules.checkIf(definition, info, meta)
        if let features = try ExpressionRules.checkFeatures(definition["features"], info) {
            definition["features"] = features
        }
        try ExpressionRules.checkFlags(definition, info)
        return definition
    }

    /// The documentation must be for this definition, and is required when
    /// the schema sets the `doc-required` pragma.
    private static func checkDocumentation(_ expression: QAPIExpression, name: String) throws(QAPIError) {
        let info = expression.info
        if let doc = expression.doc {
            if doc.symbol != name {
                throw QAPIError(info, "documentation comment is for '\(doc.symbol ?? "None")'")
            }
            try doc.checkExpression(expression)
        } else if info.pragma.docRequired {
            throw QAPIError(info, "documentation comment required")
        }
    }

    /// The keys allowed for the meta-type, then the meta-type's own rules.
    private static func checkShape(
        meta: String, name: String, _ definition: inout SchemaObject, _ info: QAPISourceInfo
    ) throws(QAPIError) {
        typealias Rules = ExpressionRules
        switch meta {
        case "enum":
            try Rules.checkKeys(
                definition, info, meta, required: ["enum", "data"], optional: ["if", "features", "prefix"])
            try Rules.checkEnum(&definition, name: name, info)
        case "union":
            try Rules.checkKeys(
                definition, info, meta,
                required: ["union", "base", "discriminator", "data"], optional: ["if", "features"])
            try Rules.checkUnion(&definition, name: name, info)
        case "alternate":
            try Rules.checkKeys(definition, info, meta, required: ["alternate", "data"], optional: ["if", "features"])
            try Rules.checkAlternate(&definition, info)
        case "struct":
            try Rules.checkKeys(
                definition, info, meta, required: ["struct", "data"], optional: ["base", "if", "features"])
            try Rules.checkStruct(&definition, name: name, info)
        case "command":
            try Rules.checkKeys(
                definition, info, meta, required: ["command"],
                optional: [
                    "data", "returns", "boxed", "if", "features", "gen", "success-response",
                    "allow-oob", "allow-preconfig", "coroutine",
                ])
            try Rules.checkCommand(&definition, info)
        default:
            try Rules.checkKeys(
                definition, info, meta, required: ["event"], optional: ["data", "boxed", "if", "features"])
            try Rules.checkEvent(&definition, info)
        }
    }
}
