import QAPICodegen
import QAPISchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `qapi-gen`'s side of the build plugin's record of the build plan
/// (`QAPIBuildPlanFiles`, in the `--build-plan` or `--check-build-plan`
/// folder): it notes the schema files a run read and asks SwiftPM to plan
/// the next build afresh when the plan's declared inputs no longer match.
struct BuildPlanRecord {
    /// The folder.
    let directory: OutputDirectory

    /// The record in the folder at `path`.
    init(path: String) {
        directory = OutputDirectory(path: path)
    }

    /// The schema files the build plan declares (none when the plugin
    /// wrote no list).
    var declaredInputs: [String] {
        guard let bytes = try? FileBytes.load(directory.path + "/" + QAPIBuildPlanFiles.declaredInputs) else {
            return []
        }
        return QAPIBuildPlanFiles.paths(inList: String(decoding: bytes, as: UTF8.self))
    }

    /// Notes the files a generation run read (absolute, normalised), and
    /// asks for a new plan when the plan does not declare one of them: a
    /// file included since SwiftPM planned, whose later edits the plan
    /// would miss.
    func noteFilesRead(_ files: [String]) throws(OutputDirectory.Failure) {
        try directory.create()
        try directory.write(QAPIBuildPlanFiles.listText(files), to: QAPIBuildPlanFiles.schemaFilesRead)
        let declared = Set(declaredInputs)
        if files.contains(where: { !declared.contains($0) }) { try requestNewPlan() }
    }

    /// The declared schema files that no longer exist (deleted or renamed
    /// since SwiftPM planned). When there are any, asks for a new plan;
    /// otherwise writes the check's stamp.
    func missingDeclaredInputs() throws(OutputDirectory.Failure) -> [String] {
        let missing = declaredInputs.filter { access($0, F_OK) != 0 }
        try directory.create()
        if missing.isEmpty {
            try directory.write(QAPIBuildPlanFiles.checkStampContents, to: QAPIBuildPlanFiles.checkStamp)
        } else {
            try requestNewPlan()
        }
        return missing
    }

    /// Creates the file whose appearance makes SwiftPM plan the next build.
    private func requestNewPlan() throws(OutputDirectory.Failure) {
        let requests = OutputDirectory(path: directory.path + "/" + QAPIBuildPlanFiles.replanDirectory)
        try requests.create()
        try requests.write("", to: QAPIBuildPlanFiles.replanRequest)
    }
}
