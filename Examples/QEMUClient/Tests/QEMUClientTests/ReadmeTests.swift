import Foundation
import XCTest

/// The repository's README quotes this package ("Talk to QEMU from
/// Swift"): the quotes must stay the code that is built and tested here.
final class ReadmeTests: XCTestCase {
    /// This package's folder.
    private let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func text(_ path: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func testTheReadmeQuotesTheExampleAsItIs() throws {
        let readme = try text("README.md", in: package.deletingLastPathComponent().deletingLastPathComponent())
        for file in ["Sources/QEMUClient/PauseAndResume.swift", "Sources/QEMUClient/qapi-gen.json"] {
            XCTAssertTrue(readme.contains(try text(file, in: package)), "README.md does not quote \(file) as it is")
        }
        let schema = try text("schema/qemu.json", in: package)
        let quoted = try XCTUnwrap(readme.components(separatedBy: "`schema/qemu.json`):\n\n```\n").dropFirst().first)
        let excerpt = try XCTUnwrap(quoted.components(separatedBy: "```").first)
        XCTAssertTrue(schema.contains(excerpt), "README.md's excerpt of schema/qemu.json is not in it")
    }
}
