extension ExpressionRules {
    /// Checks the `if` member of `object`, if any: a condition is an
    /// identifier of capitals, digits and `_`, or an object with exactly
    /// one of `not` (a condition), `all` or `any` (non-empty arrays of
    /// conditions). `source` names the owner in messages.
    static func checkIf(
        _ object: SchemaObject, _ info: QAPISourceInfo, _ source: @autoclosure () -> String
    ) throws(QAPIError) {
        guard let condition = object["if"] else { return }
        try checkCondition(condition, info, source())
    }

    private static func checkCondition(
        _ condition: SchemaValue, _ info: QAPISourceInfo, _ source: String
    ) throws(QAPIError) {
        if case .string(let symbol) = condition {
            if !isConditionSymbol(symbol) {
                throw QAPIError(info, "'if' condition '\(symbol)' of \(source) is not a valid identifier")
            }
            return
        }
        guard case .object(let object) = condition else {
            throw QAPIError(info, "'if' condition of \(source) must be a string or an object")
        }
        try checkKeys(object, info, "'if' condition of \(source)", required: [], optional: ["all", "any", "not"])
        if object.count != 1 {
            throw QAPIError(info, "'if' condition of \(source) has conflicting keys")
        }
        if let operand = object["not"] {
            try checkCondition(operand, info, source)
        } else if let operands = object["all"] {
            try checkOperands("all", operands, info, source)
        } else if let operands = object["any"] {
            try checkOperands("any", operands, info, source)
        }
    }

    private static func checkOperands(
        _ operation: String, _ operands: SchemaValue, _ info: QAPISourceInfo, _ source: String
    ) throws(QAPIError) {
        guard case .list(let items) = operands else {
            throw QAPIError(info, "'\(operation)' condition of \(source) must be an array")
        }
        if items.isEmpty {
            throw QAPIError(info, "'if' condition [] of \(source) is useless")
        }
        for item in items {
            try checkCondition(item, info, source)
        }
    }

    /// Whether `symbol` is a capital letter followed by capitals, digits
    /// and `_` (all ASCII, so its UTF-8 bytes tell).
    private static func isConditionSymbol(_ symbol: String) -> Bool {
        let bytes = symbol.utf8
        guard let first = bytes.first, isUppercaseByte(first) else { return false }
        return bytes.dropFirst().allSatisfy { isUppercaseByte($0) || isDigitByte($0) || $0 == UInt8(ascii: "_") }
    }
}
