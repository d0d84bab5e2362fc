// Compiled into the build plugin and, through a symbolic link to this
// file, into QAPICodegen, so that the generator's `--access` option and the
// configuration's `access` key know the same levels. It must not import
// anything.

/// The access level of generated declarations.
public enum QAPIAccessLevel: String, Sendable, Hashable, CaseIterable {
    /// `public`: for a library that serves or speaks the schema.
    case `public`
    /// `package`: visible inside the package only.
    case package
    /// `internal`: visible inside the target only.
    case `internal`
}
