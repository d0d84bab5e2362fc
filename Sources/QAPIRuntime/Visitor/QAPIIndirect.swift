/// Stores a member on the heap, so that types that contain themselves
/// (`ImageInfo` has an optional `backing-image: ImageInfo`) have a finite
/// size. The generator puts it on exactly the members that close a cycle
/// of value types; it keeps value semantics (an indirect enum underneath).
@propertyWrapper
public struct QAPIIndirect<Value: Sendable & Hashable>: Sendable, Hashable {
    @usableFromInline
    indirect enum Storage: Sendable, Hashable {
        case value(Value)
    }

    @usableFromInline var storage: Storage

    /// Wraps `wrappedValue`.
    @inlinable
    public init(wrappedValue: Value) {
        storage = .value(wrappedValue)
    }

    /// The stored member.
    @inlinable
    public var wrappedValue: Value {
        get {
            switch storage {
            case .value(let value): return value
            }
        }
        set { storage = .value(newValue) }
    }
}
