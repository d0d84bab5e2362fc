extension ExpressionRules {
    /// Requires every key of `required` in `object` and allows only those
    /// and the keys of `optional` (QEMU's `check_keys`). Key lists in the
    /// messages are sorted and quoted.
    static func checkKeys(
        _ object: SchemaObject, _ info: QAPISourceInfo, _ source: @autoclosure () -> String,
        required: [String], optional: [String]
    ) throws(QAPIError) {
        // Keys are unique: all is well when each is known and enough are required ones.
        var requiredCount = 0
        for (key, _) in object {
            if isAmong(key, required) {
                requiredCount += 1
            } else if !isAmong(key, optional) {
                return try reportKeys(object, info, source(), required: required, optional: optional)
            }
        }
        if requiredCount < required.count {
            try reportKeys(object, info, source(), required: required, optional: optional)
        }
    }

    /// Throws the error for missing keys, else the one for unknown keys.
    private static func reportKeys(
        _ object: SchemaObject, _ info: QAPISourceInfo, _ source: String,
        required: [String], optional: [String]
    ) throws(QAPIError) {
        let present = Set(object.keys)
        let missing = Set(required).subtracting(present)
        if !missing.isEmpty {
            throw QAPIError(
                info,
                "\(source) misses key\(missing.count > 1 ? "s" : "") \(quotedList(missing))")
        }
        let allowed = Set(required).union(optional)
        let unknown = present.subtracting(allowed)
        if !unknown.isEmpty {
            throw QAPIError(
                info,
                "\(source) has unknown key\(unknown.count > 1 ? "s" : "") \(quotedList(unknown))"
                    + "\nValid keys are \(quotedList(allowed)).")
        }
    }

    /// `'a', 'b', 'c'`: the names sorted by code point, quoted, comma-separated.
    private static func quotedList(_ names: Set<String>) -> String {
        codePointSorted(names).map { "'" + $0 + "'" }.joined(separator: ", ")
    }
}
