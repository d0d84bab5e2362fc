import Foundation
import QAPITestSupport
import XCTest

/// The project's own schema (`qapi/`) stays valid: the README's first
/// command runs the compiler on it.
final class ProjectSchemaTests: XCTestCase {
    func testProjectSchemaIsValidAndDocumented() throws {
        let result = try TestEnvironment.runQAPIGen(
            ["--dump", "qapi/qapi-schema.json"], in: TestEnvironment.repositoryRoot)
        XCTAssertEqual(String(decoding: result.standardError, as: UTF8.self), "")
        XCTAssertEqual(result.status, 0)
        let dump = String(decoding: result.standardOutput, as: UTF8.self)
        XCTAssertTrue(dump.contains("command qmp_capabilities q_obj_qmp_capabilities-arg -> None"), dump)
        XCTAssertTrue(dump.contains("command query-version None -> VersionInfo"), dump)
    }
}
