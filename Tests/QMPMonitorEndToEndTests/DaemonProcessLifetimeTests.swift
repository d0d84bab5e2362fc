import Foundation
import QAPITestSupport
import XCTest

/// Found by `Scripts/sanitize.sh address` (LeakSanitizer): a finished
/// `DaemonProcess` left its Foundation `Process` alive for good (with the
/// file handle of its standard error), because nothing called
/// `waitUntilExit()`, which is what releases the run-loop source that
/// `run()` makes retain the Process.
final class DaemonProcessLifetimeTests: XCTestCase {
    func testAFinishedDaemonFreesItsProcess() throws {
        let folder = try TestEnvironment.makeShortFolder(prefix: "qmpl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        weak var process: Process?
        do {
            let daemon = try DaemonProcess(["--help"], in: folder)
            process = daemon.process
            XCTAssertEqual(daemon.waitForExit(), 0, daemon.standardError)
        }
        // The termination handler's thread may still hold the Process
        // for a moment after the exit is seen.
        let deadline = ContinuousClock.now + .seconds(10)
        while process != nil && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertNil(process, "the Process of a finished daemon is never freed")
    }
}
