import Dispatch
import Foundation
import Glibc
import QAPITestSupport
import QMPMonitor
import XCTest

/// A registry on a fresh I/O queue and a private temporary folder with a
/// short path (unix socket paths are limited to 108 bytes); both are
/// cleaned up by ``tearDown()``.
class ChardevTestCase: XCTestCase {
    private(set) var registry: ChardevRegistry!
    private(set) var folder = ""

    override func setUpWithError() throws {
        registry = ChardevRegistry(ioQueue: DispatchQueue(label: "chardev-tests.io"))
        folder = try TestEnvironment.makeShortFolder(prefix: "qmpmon")
    }

    override func tearDown() {
        for chardev in registry.chardevs {
            XCTAssertNoThrow(try registry.remove(id: chardev.id), "chardev \(chardev.id) still busy")
        }
        // XCTest keeps every test case to the end: let the registry go.
        registry = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A path in the temporary folder.
    func path(_ name: String) -> String {
        folder + "/" + name
    }

    /// Adds a listening unix socket chardev at `path(name)`.
    @discardableResult
    func addUnixServer(_ id: String, _ name: String = "qmp.sock") throws -> any Chardev {
        try registry.add(id: id, backend: .socket(ChardevSocketOptions(address: .unix(path: path(name)))))
    }

    /// The error `body` throws, or a failure.
    func chardevError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> ChardevError? {
        do {
            try body()
            XCTFail("no error thrown", file: file, line: line)
        } catch let error as ChardevError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

}
