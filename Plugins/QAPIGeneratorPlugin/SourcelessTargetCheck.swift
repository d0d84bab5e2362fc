import Foundation
import PackagePlugin

/// Finds folders beside the package's targets that hold a `qapi-gen.json`
/// but no Swift file. SwiftPM 6.3 drops a target without source files
/// from the build with only a warning ("Source files for target X should
/// be located under ...") and never runs a plugin for it, so such a
/// target would generate nothing and say nothing; the plugin, running for
/// another target of the package, reports it instead.
struct SourcelessTargetCheck {
    /// The package being planned.
    let package: Package

    /// Throws an error naming each such folder, when `target` is the one
    /// that reports for the package (the first, by name, of the targets
    /// with a configuration, so that the error is printed once).
    func check(reportingFor target: any Target) throws {
        let folders = package.targets.compactMap { target in Self.folder(of: target).map { (target.name, $0) } }
        guard folders.filter({ Self.hasConfiguration($0.1) }).map(\.0).min() == target.name else { return }
        let targetFolders = Set(folders.map(\.1))
        let root = QAPIPath.absoluteNormalized(package.directoryURL.path(percentEncoded: false), cwd: "/")
        let parents = Set(targetFolders.map(QAPIPath.directoryName)).filter { $0 == root || $0.hasPrefix(root + "/") }
        var problems: [String] = []
        for parent in parents.sorted() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let folder = QAPIPath.join(parent, name)
                if !targetFolders.contains(folder), Self.hasConfiguration(folder), !Self.holdsSwiftFile(folder) {
                    problems.append(
                        "\(QAPIPath.join(folder, QAPIGeneratorConfig.fileName)): target '\(name)' has no Swift "
                            + "source file, so SwiftPM leaves it out of the build (it warns 'Source files for "
                            + "target \(name) should be located under ...') and QAPIGeneratorPlugin never runs "
                            + "for it; add one, e.g. an empty \(QAPIPath.join(folder, name + ".swift"))")
                }
            }
        }
        if !problems.isEmpty { throw PluginError(message: problems.joined(separator: "\nerror: ")) }
    }

    /// A source target's folder, absolute and normalised (`nil` for
    /// other targets, which cannot hold a configuration).
    private static func folder(of target: any Target) -> String? {
        let url: URL
        switch target {
        case let target as SwiftSourceModuleTarget: url = target.directoryURL
        case let target as ClangSourceModuleTarget: url = target.directoryURL
        default: return nil
        }
        return QAPIPath.absoluteNormalized(url.path(percentEncoded: false), cwd: "/")
    }

    /// Whether `folder` holds a configuration file.
    private static func hasConfiguration(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: QAPIPath.join(folder, QAPIGeneratorConfig.fileName))
    }

    /// Whether `folder` or one of its subfolders holds a Swift file.
    private static func holdsSwiftFile(_ folder: String) -> Bool {
        guard let files = FileManager.default.enumerator(atPath: folder) else { return false }
        return files.contains { ($0 as? String)?.hasSuffix(".swift") == true }
    }
}
