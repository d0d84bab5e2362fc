extension ExpressionRules {
    /// The command flags, in the order QEMU checks them.
    private static let falseFlags = ["gen", "success-response"]
    private static let trueFlags = ["boxed", "allow-oob", "allow-preconfig", "coroutine"]

    /// Checks the command flags: `gen` and `success-response` may only be
    /// `false`; `boxed`, `allow-oob`, `allow-preconfig` and `coroutine` may
    /// only be `true`; `allow-oob` and `coroutine` exclude each other.
    static func checkFlags(_ object: SchemaObject, _ info: QAPISourceInfo) throws(QAPIError) {
        guard object.contains(where: { isAmong($0.key, falseFlags) || isAmong($0.key, trueFlags) }) else { return }
        for key in falseFlags {
            if let value = object[key], !value.isBool(false) {
                throw QAPIError(info, "flag '\(key)' may only use false value")
            }
        }
        for key in trueFlags {
            if let value = object[key], !value.isBool(true) {
                throw QAPIError(info, "flag '\(key)' may only use true value")
            }
        }
        if object.contains("allow-oob") && object.contains("coroutine") {
            throw QAPIError(info, "flags 'allow-oob' and 'coroutine' are incompatible")
        }
    }
}
