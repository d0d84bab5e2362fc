/// One JSON value being decoded, with what QEMU's error texts need to
/// know about where it sits.
///
/// Generated code receives a decoder in `init(qapi:)`; only alternates
/// look at it (`kind`, `decode()`, `noAlternateBranch(_:)`). The full
/// member path is not stored: errors collect it while they propagate.
public struct QAPIDecoder: Sendable {
    /// The value.
    public let value: JSONValue
    /// The member's own name, the "short" name of QEMU's texts; nil for
    /// list elements and for the root value.
    public let name: String?
    /// How strictly to read (compat policy, tolerance of unknown input).
    public let options: QAPIDecodingOptions
    /// Where the value sits, tracked only for a drift handler.
    @usableFromInline let path: QAPIDecodingPath?

    /// A decoder for `value` found under member `name` (nil for a list
    /// element or the root).
    @inlinable
    public init(_ value: JSONValue, name: String? = nil, options: QAPIDecodingOptions = .strict) {
        self.init(value, name: name, options: options, path: nil)
    }

    @inlinable
    init(_ value: JSONValue, name: String?, options: QAPIDecodingOptions, path: QAPIDecodingPath?) {
        self.value = value
        self.name = name
        self.options = options
        self.path = path
    }

    /// A decoder for `value` with compat policy `policy`, strict.
    @inlinable
    public init(_ value: JSONValue, name: String? = nil, policy: QAPICompatPolicy) {
        self.init(value, name: name, options: QAPIDecodingOptions(compat: policy))
    }

    /// The compat policy in force (spec A6, A12).
    @inlinable
    public var policy: QAPICompatPolicy { options.compat }

    /// A decoder for `value`, one level below this one at `step`.
    @inlinable
    func child(_ value: JSONValue, step: QAPIDecodingError.Step) -> QAPIDecoder {
        let childPath = options.driftHandler == nil ? nil : QAPIDecodingPath(parent: path, step: step)
        return QAPIDecoder(value, name: step.memberName, options: options, path: childPath)
    }

    /// Reports drift at this value's path (or below it at `step`).
    @usableFromInline
    func reportDrift(_ kind: QAPIDrift.Kind, at step: QAPIDecodingError.Step? = nil) {
        guard let handler = options.driftHandler else { return }
        handler(QAPIDrift(kind: kind, path: QAPIDecodingPath.text(path, appending: step)))
    }

    /// The value's JSON kind: what an alternate chooses its branch by.
    @inlinable
    public var kind: JSONValue.Kind { value.kind }

    /// Decodes the value as `T`; an alternate's branch.
    @inlinable
    public func decode<T: QAPIDecodable>(_ type: T.Type = T.self) throws(QAPIDecodingError) -> T {
        try T(qapi: self)
    }

    /// The error for a value whose kind matches no branch of alternate
    /// `typeName` (spec A9).
    public func noAlternateBranch(_ typeName: String) -> QAPIDecodingError {
        .final(.generic("Invalid parameter type for '\(shortName)', expected: \(typeName)"))
    }

    /// The short name as QEMU prints it: the member name, or `null`.
    @usableFromInline
    var shortName: String { name ?? "null" }

    /// Decodes `value` as the root of a visit (command arguments, a
    /// command's return value, event data) and finishes the error
    /// message of any failure.
    @inlinable
    public static func decode<T: QAPIDecodable>(
        _ type: T.Type = T.self, from value: JSONValue, policy: QAPICompatPolicy = QAPICompatPolicy()
    ) throws(QMPError) -> T {
        do {
            return try T(qapi: QAPIDecoder(value, policy: policy))
        } catch {
            throw error.qmpError
        }
    }

    /// Decodes `value` as the root of a visit with `options`; the error
    /// keeps its member path (`QAPIDecodingError.path`).
    @inlinable
    public static func decode<T: QAPIDecodable>(
        _ type: T.Type = T.self, from value: JSONValue, options: QAPIDecodingOptions
    ) throws(QAPIDecodingError) -> T {
        try T(qapi: QAPIDecoder(value, options: options))
    }
}
