import QAPIRuntime
import QMPClient
import XCTest

/// The `QMPCommandError` that `body` throws; a test failure (and nil) when
/// it returns or throws anything else.
func commandError<T>(
    file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> T
) async -> QMPCommandError? {
    do {
        let value = try await body()
        XCTFail("expected QEMU to answer with an error, got \(value)", file: file, line: line)
    } catch let error as QMPCommandError {
        return error
    } catch {
        XCTFail("expected QEMU to answer with an error, got \(error)", file: file, line: line)
    }
    return nil
}
