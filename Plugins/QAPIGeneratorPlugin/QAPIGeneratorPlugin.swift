import Foundation
import PackagePlugin

/// Runs `qapi-gen` on the schema named by a target's `qapi-gen.json` and
/// compiles the generated Swift into the target.
///
/// SwiftPM calls the plugin only when it plans a build, and reuses its
/// plan while the package structure is unchanged. So the plugin bakes
/// nothing of the configuration into the plan: `qapi-gen --config` reads
/// it when it runs, and the configuration is an input. The schema files
/// found when planning are inputs too, and `qapi-gen` makes SwiftPM plan
/// again when the schema starts to include a file the plan does not know
/// or a known file disappears (`QAPIBuildPlanFiles`, README "Build
/// plugin").
@main
struct QAPIGeneratorPlugin: BuildToolPlugin {
    /// Three commands: a prebuild command that deletes a pending request
    /// for a new plan, the build plan's check (`qapi-gen
    /// --check-build-plan`) and the generation (`qapi-gen --config`).
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw PluginError(
                message: "target '\(target.name)': QAPIGeneratorPlugin applies only to Swift source targets")
        }
        try SourcelessTargetCheck(package: context.package).check(reportingFor: target)

        let tool = try context.tool(named: "qapi-gen").url
        let packageRoot = Self.path(context.package.directoryURL)
        let workDirectory = Self.path(context.pluginWorkDirectoryURL)
        let planDirectory = QAPIPath.join(workDirectory, "build-plan")
        let replanDirectory = QAPIPath.join(planDirectory, QAPIBuildPlanFiles.replanDirectory)
        let stamp = QAPIPath.join(planDirectory, QAPIBuildPlanFiles.checkStamp)
        let configPath = QAPIPath.join(Self.path(target.directoryURL), QAPIGeneratorConfig.fileName)

        // The configuration's problems are qapi-gen's to report, when it
        // runs; here it only tells where the schema is, if it can.
        let config = FileManager.default.contents(atPath: configPath).flatMap {
            try? QAPIGeneratorConfig.parse(Array($0), file: configPath)
        }
        let filesRead = FileManager.default.contents(
            atPath: QAPIPath.join(planDirectory, QAPIBuildPlanFiles.schemaFilesRead)
        ).map { QAPIBuildPlanFiles.paths(inList: String(decoding: $0, as: UTF8.self)) }
        let inputs = PlannedInputs(
            schemaFile: config?.schemaFile(packageRoot: packageRoot, workingDirectory: "/"),
            filesReadBefore: filesRead ?? [],
            workDirectory: workDirectory)
        try Self.writeIfChanged(
            QAPIBuildPlanFiles.listText(inputs.files),
            to: QAPIPath.join(planDirectory, QAPIBuildPlanFiles.declaredInputs))

        // A missing input stops llbuild before the command runs, so the
        // configuration is an input only while it exists (its appearance
        // changes the target folder, which makes SwiftPM plan again).
        let configInput = FileManager.default.fileExists(atPath: configPath) ? [configPath] : []
        return [
            .prebuildCommand(
                displayName: "Clearing the request for a new build plan of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/rm"),
                arguments: ["-f", QAPIPath.join(replanDirectory, QAPIBuildPlanFiles.replanRequest)],
                outputFilesDirectory: URL(fileURLWithPath: replanDirectory)),
            .buildCommand(
                displayName: "Checking the QAPI schema files of \(target.name)'s build plan",
                executable: tool,
                arguments: ["--check-build-plan", planDirectory],
                inputFiles: inputs.directories.map { URL(fileURLWithPath: $0) } + [tool],
                outputFiles: [URL(fileURLWithPath: stamp)]),
            .buildCommand(
                displayName: "Generating Swift for \(target.name) from its \(QAPIGeneratorConfig.fileName)",
                executable: tool,
                arguments: [
                    "--config", configPath, "--package-root", packageRoot, "--build-plan", planDirectory,
                    "--diagnostics", "compiler", "-o", workDirectory,
                ],
                inputFiles: (configInput + inputs.files + [stamp]).map { URL(fileURLWithPath: $0) } + [tool],
                outputFiles: QAPIOutputPlan.files.map { URL(fileURLWithPath: QAPIPath.join(workDirectory, $0)) }),
        ]
    }

    /// A file URL's path, absolute and normalised (no trailing `/`).
    private static func path(_ url: URL) -> String {
        QAPIPath.absoluteNormalized(url.path(percentEncoded: false), cwd: "/")
    }

    /// Writes `text` to `path` (creating its folder) unless it holds it already.
    private static func writeIfChanged(_ text: String, to path: String) throws {
        if FileManager.default.contents(atPath: path) == Data(text.utf8) { return }
        try FileManager.default.createDirectory(
            atPath: QAPIPath.directoryName(path), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
