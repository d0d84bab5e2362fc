/// The versions of generated code this runtime supports. Generated code
/// names the version it was written for (`QAPIGeneratedCodeVersion.v1`),
/// so that generated code and a runtime that do not fit each other fail
/// to compile with an error naming this type, instead of failing in
/// stranger ways.
public enum QAPIGeneratedCodeVersion {
    /// The first version: command descriptors, one-argument async
    /// handlers, enums with an `unknown` case.
    public enum v1 {}
}
