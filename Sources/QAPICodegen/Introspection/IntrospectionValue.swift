import QAPISchema

/// A JSON value of `query-qmp-schema` data, in which any element may be
/// conditional: `.conditional(C, V)` stands for `V` where the condition
/// `C` holds (QEMU writes it as `{"if": C, "value": V}` before the
/// conditions are evaluated).
public indirect enum IntrospectionValue: Sendable, Hashable {
    /// A JSON string.
    case string(String)
    /// A JSON boolean.
    case bool(Bool)
    /// JSON `null`.
    case null
    /// A JSON array; element order is significant.
    case array([IntrospectionValue])
    /// A JSON object; its fields are written in the order given.
    case object([IntrospectionField])
    /// A value that exists only where `condition` holds.
    case conditional(QAPISchemaIfCond, IntrospectionValue)

    /// Wraps `value` in `condition`, or returns it as it is when the
    /// condition is absent.
    public static func annotated(_ value: IntrospectionValue, _ condition: QAPISchemaIfCond) -> IntrospectionValue {
        condition.isPresent ? .conditional(condition, value) : value
    }

    /// The value with every condition decided by `isDefined`: a
    /// conditional element whose condition is false is dropped from the
    /// array or object holding it, one whose condition is true is
    /// replaced by its value. `nil` when the value itself is dropped.
    public func evaluated(_ isDefined: (String) -> Bool) -> IntrospectionValue? {
        switch self {
        case .string, .bool, .null:
            return self
        case .array(let elements):
            return .array(elements.compactMap { $0.evaluated(isDefined) })
        case .object(let fields):
            return .object(
                fields.compactMap { field in
                    field.value.evaluated(isDefined).map { IntrospectionField(field.key, $0) }
                })
        case .conditional(let condition, let value):
            return condition.evaluate(isDefined) ? value.evaluated(isDefined) : nil
        }
    }

    /// Whether the value holds a condition anywhere.
    public var isConditional: Bool {
        switch self {
        case .string, .bool, .null: return false
        case .array(let elements): return elements.contains { $0.isConditional }
        case .object(let fields): return fields.contains { $0.value.isConditional }
        case .conditional: return true
        }
    }

    /// The value of the field `key`, if this is an object that has one.
    public subscript(key: String) -> IntrospectionValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// One key and value of an `IntrospectionValue.object`.
public struct IntrospectionField: Sendable, Hashable {
    /// The key.
    public let key: String
    /// The value.
    public let value: IntrospectionValue

    /// A field `key: value`.
    public init(_ key: String, _ value: IntrospectionValue) {
        self.key = key
        self.value = value
    }
}
