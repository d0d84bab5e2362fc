import Foundation
import PackagePlugin

/// Runs `qapi-gen` on the schema named by a target's `qapi-gen.json`
/// and compiles the generated Swift into the target.
///
/// SwiftPM calls the plugin only when it plans a build, and reuses its
/// plan while the package structure is unchanged: edits inside schema
/// files regenerate (they are inputs of the command), but a changed
/// configuration or a changed set of included files takes effect at the
/// next planning (touch `Package.swift`).
@main
struct QAPIGeneratorPlugin: BuildToolPlugin {
    /// One build command: `qapi-gen -o WORKDIR ... SCHEMA`, with every
    /// schema file, the configuration and the tool as inputs and the
    /// predicted generated files as outputs.
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw ConfigError(
                file: "target '\(target.name)'", message: "QAPIGeneratorPlugin applies only to Swift source targets")
        }
        let configPath = target.directoryURL.appending(path: GeneratorConfig.fileName).path(percentEncoded: false)
        // A thrown error stops build planning and SwiftPM prints it as
        // `error: FILE: MESSAGE`; a `Diagnostics.error` as well would print
        // the message twice on the command line.
        let invocation = try GeneratorInvocation(
            configPath: configPath,
            packageDirectory: context.package.directoryURL.path(percentEncoded: false),
            outputDirectory: context.pluginWorkDirectoryURL.path(percentEncoded: false))
        let tool = try context.tool(named: "qapi-gen").url
        return [
            .buildCommand(
                displayName: "Generating Swift for \(target.name) from QAPI schema \(invocation.config.schema)",
                executable: tool,
                arguments: invocation.arguments,
                inputFiles: invocation.inputFiles.map { URL(fileURLWithPath: $0) } + [tool],
                outputFiles: invocation.outputFiles.map { URL(fileURLWithPath: $0) })
        ]
    }
}
