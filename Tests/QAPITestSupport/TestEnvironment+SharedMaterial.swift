import Foundation
import Testing
import XCTest

/// QEMU's material in `../shared`: where it is, and what a test does when
/// it is absent.
///
/// Absent material is a skip, unless `QAPI_REQUIRE_SHARED=1` (CI sets it),
/// which makes it a failure. `reportMissing` alone makes that choice, for
/// XCTest and Swift Testing tests alike.
public extension TestEnvironment {
    /// `../shared` beside the repository, or `$QAPI_SHARED_DIR`.
    static let sharedDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["QAPI_SHARED_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A folder of the shared material; when it is absent, a skip or a
    /// failure that says what is missing (`reportMissing`).
    static func sharedFolder(_ relativePath: String) throws -> URL {
        let url = sharedDirectory.appendingPathComponent(relativePath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { try reportMissing(url) }
        return url
    }

    /// A file of the shared material; when it is absent, a skip or a
    /// failure that says what is missing (`reportMissing`).
    static func sharedFile(_ relativePath: String) throws -> URL {
        let url = sharedDirectory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { try reportMissing(url) }
        return url
    }

    /// The names of the files of the shared folder `relativePath` that end
    /// in `suffix`, without the suffix, sorted: the argument list of a
    /// per-case Swift Testing test, read when the tests run. Absent
    /// material cancels the whole test (reported as skipped) or fails it,
    /// as `reportMissing` decides.
    ///
    /// `QAPI_CASE=NAME[,NAME...]` keeps only the cases named: Swift
    /// Testing's `--filter` selects a test, not one of its arguments. A
    /// name that is not in the folder is an error.
    static func sharedCaseNames(in relativePath: String, suffix: String) throws -> [String] {
        let folder = try sharedFolder(relativePath)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(suffix) }
            .map { String($0.dropLast(suffix.count)) }
            .sorted()
        guard let selection = ProcessInfo.processInfo.environment["QAPI_CASE"], !selection.isEmpty else {
            return names
        }
        let selected = selection.split(separator: ",").map(String.init)
        let unknown = selected.filter { !names.contains($0) }
        guard unknown.isEmpty else {
            throw SharedMaterialError(
                "QAPI_CASE names no \(suffix) case in \(folder.path): \(unknown.joined(separator: ", "))")
        }
        return names.filter(selected.contains)
    }

    /// The `symbols` list of a reference `introspect-conditions.json`.
    static func referenceSymbols(_ conditionsFile: URL) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: conditionsFile))
        guard let symbols = (object as? [String: Any])?["symbols"] as? [String] else {
            throw SharedMaterialError("\(conditionsFile.path) has no 'symbols' list")
        }
        return symbols
    }

    /// Ends the current test because `url` is missing: with
    /// `QAPI_REQUIRE_SHARED=1` by throwing `SharedMaterialError`, which
    /// fails it; otherwise by skipping it, with `Test.cancel` in a Swift
    /// Testing test (also while its argument list is built) and `XCTSkip`
    /// in an XCTest test.
    static func reportMissing(_ url: URL) throws -> Never {
        try skipOrFail(
            "shared material not found at \(url.path) (set QAPI_SHARED_DIR)", requiredBy: "QAPI_REQUIRE_SHARED")
    }

    /// Ends the current test because something it needs is missing, as
    /// `message` says: when the environment variable `variable` is `1`
    /// by throwing `SharedMaterialError`, which fails it; otherwise by
    /// skipping it (`Test.cancel` in Swift Testing, `XCTSkip` in XCTest).
    static func skipOrFail(_ message: String, requiredBy variable: String) throws -> Never {
        if ProcessInfo.processInfo.environment[variable] == "1" {
            throw SharedMaterialError(message + "; \(variable)=1 makes this a failure")
        }
        if Test.current != nil {
            try Test.cancel(Comment(rawValue: message + "; skipping"))
        }
        throw XCTSkip(message + "; skipping")
    }
}

/// Shared material or a peer program (QEMU) that is missing while
/// required, or shared material that is not what the tests expect: a test
/// failure.
public struct SharedMaterialError: Error, CustomStringConvertible {
    /// What is wrong, with the path.
    public let description: String

    /// An error that says `description`.
    public init(_ description: String) {
        self.description = description
    }
}
