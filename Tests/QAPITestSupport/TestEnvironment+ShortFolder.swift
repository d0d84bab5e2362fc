import Glibc
import XCTest

/// Scratch folders for tests that bind unix sockets.
public extension TestEnvironment {
    /// A new empty folder `/tmp/PREFIX-XXXXXX`, short enough for the unix
    /// socket paths inside it (at most 108 bytes); the caller removes it.
    /// Skips the test when it cannot be made.
    static func makeShortFolder(prefix: String) throws -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw XCTSkip("mkdtemp failed") }
        return String(cString: made)
    }
}
