import Foundation

/// The schema files and folders one target's build plan declares as
/// inputs: every `*.json` file in the main schema's folder tree as it is
/// when SwiftPM plans, and every file the last `qapi-gen` run read (which
/// adds includes from outside that tree), with the folders holding them.
///
/// Found on the file system, not by reading the schema: the generator is
/// the only reader of QAPI's include rules, and it asks for a new plan
/// when a run reads a file not declared here
/// (`QAPIBuildPlanFiles`).
struct PlannedInputs {
    /// The schema files, sorted.
    let files: [String]
    /// Their folders and every folder of the schema's tree, sorted: a
    /// folder's entries changing (a file added, deleted or renamed) runs
    /// the build plan's check.
    let directories: [String]

    /// The inputs for the main schema file `schemaFile` (`nil` when the
    /// configuration does not say; declared whatever its name) and the
    /// files `filesReadBefore` the last run read. Hidden folders and those
    /// holding `workDirectory` (the plugin's, so the build folder) are not
    /// searched.
    init(schemaFile: String?, filesReadBefore: [String], workDirectory: String) {
        var files: Set<String> = []
        var directories: Set<String> = []
        if let schemaFile {
            if Self.isFile(schemaFile) { files.insert(schemaFile) }
            Self.collect(
                QAPIPath.directoryName(schemaFile), workDirectory: workDirectory, files: &files,
                directories: &directories)
        }
        for file in filesReadBefore where Self.isFile(file) {
            files.insert(file)
            directories.insert(QAPIPath.directoryName(file))
        }
        self.files = files.sorted()
        self.directories = directories.sorted()
    }

    /// Adds the `*.json` files and the folders of the tree at `directory`.
    private static func collect(
        _ directory: String, workDirectory: String, files: inout Set<String>, directories: inout Set<String>
    ) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        directories.insert(directory)
        for name in names where !name.hasPrefix(".") {
            let path = QAPIPath.join(directory, name)
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if !workDirectory.hasPrefix(path + "/") && workDirectory != path {
                    collect(path, workDirectory: workDirectory, files: &files, directories: &directories)
                }
            } else if name.hasSuffix(".json"), isFile(path) {
                files.insert(path)
            }
        }
    }

    /// Whether `path` is a file (following symbolic links).
    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
