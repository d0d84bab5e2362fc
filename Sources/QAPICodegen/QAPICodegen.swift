import QAPISchema

/// The back end of the compiler: what qapi-gen generates from a checked
/// `QAPISchema` (introspection data, Swift code).
public enum QAPICodegen {}
