/// An `if` condition as written in the schema: a symbol name, or an
/// object `{'not': C}`, `{'all': [C, ...]}` or `{'any': [C, ...]}`.
///
/// The raw value is kept so that emitters can render it however they
/// need; an absent condition is always true.
public struct QAPISchemaIfCond: Sendable, Hashable {
    /// The condition as written, or `nil` when there is none.
    public let value: SchemaValue?

    /// Wraps a condition; `nil` means unconditional.
    public init(_ value: SchemaValue? = nil) {
        self.value = value
    }

    /// Whether a condition is present (QEMU treats an empty one as absent).
    public var isPresent: Bool {
        switch value {
        case nil: return false
        case .string(let text)?: return !text.isEmpty
        case .object(let object)?: return !object.isEmpty
        case .list(let items)?: return !items.isEmpty
        case .bool(let flag)?: return flag
        }
    }

    /// The condition as Python's `str()` shows it, which is how QEMU's
    /// test harness prints it: a bare symbol name, or the `repr()` of an
    /// object (`{'not': 'X'}`).
    public var pythonStr: String {
        switch value {
        case nil: return "None"
        case .string(let text)?: return text
        case let other?: return other.pythonRepr
        }
    }

    /// Evaluates the condition with `isDefined` telling which symbols are
    /// defined; an absent condition is true.
    public func evaluate(_ isDefined: (String) -> Bool) -> Bool {
        guard let value else { return true }
        return Self.evaluate(value, isDefined)
    }

    /// Evaluates the condition against a set of defined symbols.
    public func evaluate(defined symbols: Set<String>) -> Bool {
        evaluate { symbols.contains($0) }
    }

    private static func evaluate(_ value: SchemaValue, _ isDefined: (String) -> Bool) -> Bool {
        switch value {
        case .string(let symbol):
            return isDefined(symbol)
        case .object(let object):
            if let operand = object["not"] { return !evaluate(operand, isDefined) }
            if let operands = object["all"]?.listValue {
                return operands.allSatisfy { evaluate($0, isDefined) }
            }
            if let operands = object["any"]?.listValue {
                return operands.contains { evaluate($0, isDefined) }
            }
            return true
        case .bool(let flag):
            return flag
        case .list(let items):
            return items.allSatisfy { evaluate($0, isDefined) }
        }
    }
}
