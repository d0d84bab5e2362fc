/// A value of the schema's JSON-like syntax: strings, booleans, arrays and
/// objects (no numbers, no null). Objects keep their member order.
public enum SchemaValue: Sendable, Hashable {
    /// A `'quoted'` string.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `[ ... ]`.
    case list([SchemaValue])
    /// `{ ... }`, members in source order.
    case object(SchemaObject)

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var listValue: [SchemaValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: SchemaObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value as Python's `repr()` shows it (QEMU's generator prints
    /// conditions this way): `'a'`, `True`, `['a', 'b']`, `{'not': 'X'}`.
    public var pythonRepr: String {
        switch self {
        case .string(let text): return Self.pythonStringRepr(text)
        case .bool(let flag): return flag ? "True" : "False"
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .object(let object):
            let members = object.map { Self.pythonStringRepr($0.key) + ": " + $0.value.pythonRepr }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    /// Python's `repr()` of a string: single quotes unless the text has a
    /// single quote and no double quote; backslashes and the chosen quote
    /// escaped; control characters as `\n`, `\t`, `\r` or `\xNN`.
    static func pythonStringRepr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }
}

/// An object of the schema syntax: unique keys in source order.
///
/// Schema objects are small (a handful of keys, rarely more than a few
/// dozen), so members live in one array and lookups scan it: cheaper than
/// hashing for the sizes that occur.
public struct SchemaObject: Sendable, Hashable, Sequence {
    /// One member.
    public typealias Element = (key: String, value: SchemaValue)

    private var entries: [Entry] = []

    private struct Entry: Sendable, Hashable {
        var key: String
        var value: SchemaValue
    }

    /// An empty object.
    public init() {}

    /// An object from members in order; a repeated key keeps its first
    /// position and its last value.
    public init(_ members: [(String, SchemaValue)]) {
        entries.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// Number of members.
    public var count: Int { entries.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    private func index(of key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    /// The value of `key`, or `nil`. Assigning appends a new key at the end;
    /// assigning `nil` removes the key.
    public subscript(key: String) -> SchemaValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let position = index(of: key) {
                if let newValue { entries[position].value = newValue } else { entries.remove(at: position) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Whether `key` is present.
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// Iterates the members in source order.
    public func makeIterator() -> AnyIterator<Element> {
        var iterator = entries.makeIterator()
        return AnyIterator { iterator.next().map { ($0.key, $0.value) } }
    }
}

/// One top-level expression of a schema file, with where it starts and the
/// definition documentation that precedes it.
public struct QAPIExpression {
    /// The expression's members (`struct`, `data`, `if`, ...).
    public let members: SchemaObject
    /// Location of the expression's first line.
    public let info: QAPISourceInfo
    /// The documentation block right before it, if any.
    public let doc: QAPIDoc?

    /// Creates an expression.
    public init(members: SchemaObject, info: QAPISourceInfo, doc: QAPIDoc?) {
        self.members = members
        self.info = info
        self.doc = doc
    }

    /// The value of `key`, or `nil`.
    public subscript(key: String) -> SchemaValue? { members[key] }
}
