import QAPICodegen
import XCTest

/// Placeholder suite so the target exists; replaced by real tests.
final class CodegenSmokeTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertNotNil(QAPICodegen.self)
    }
}
