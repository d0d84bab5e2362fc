// Compiled into the build plugin and, through a symbolic link to this
// file, into QAPICodegen (for qapi-gen), so that both sides of the
// exchange below use the same names and format. It must not import
// anything.

/// The files through which the build plugin and `qapi-gen` keep SwiftPM's
/// build plan in step with the schema's files. They live in one folder of
/// the plugin's work directory, given to `qapi-gen` as `--build-plan DIR`.
///
/// SwiftPM runs the plugin only when it plans a build. The plugin then
/// declares the schema files it finds as inputs and lists them in
/// `declaredInputs`. When `qapi-gen` reads a schema file that list does
/// not have (a new include), or `--check-build-plan` finds a listed file
/// gone, it creates `replanRequest` in `replanDirectory`: SwiftPM watches
/// that folder's entries (it is the output folder of the plugin's
/// prebuild command, which deletes the request again), so the next build
/// plans afresh. `schemaFilesRead` tells the plugin the files the last
/// run read, includes outside the schema's folder among them.
public enum QAPIBuildPlanFiles {
    /// The schema files the build plan declares as inputs (written by the
    /// plugin).
    public static let declaredInputs = "declared-inputs"
    /// The schema files `qapi-gen` read in its last run (written by
    /// `qapi-gen`, read by the plugin).
    public static let schemaFilesRead = "schema-files-read"
    /// The folder whose entries SwiftPM watches.
    public static let replanDirectory = "replan"
    /// The file in `replanDirectory` that makes the next build plan again.
    public static let replanRequest = "request"
    /// What `qapi-gen --check-build-plan` writes when every declared
    /// schema file is still there. It is a build command's output, which
    /// SwiftPM adds to the target: a Swift file holding only a comment is
    /// compiled to nothing, where most other files would be copied into a
    /// resource bundle.
    public static let checkStamp = "qapi-build-plan-check.swift"
    /// The contents of `checkStamp`.
    public static let checkStampContents =
        "// Written by qapi-gen --check-build-plan: every schema file the build plan declares exists.\n"

    /// `paths` as the text of a list file: one path a line.
    public static func listText(_ paths: [String]) -> String {
        paths.map { $0 + "\n" }.joined()
    }

    /// The paths of a list file's text (empty lines skipped).
    public static func paths(inList text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
