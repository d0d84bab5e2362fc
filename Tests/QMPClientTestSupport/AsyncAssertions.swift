import XCTest

/// The error `body` throws, or a test failure when it returns.
public func thrownError<T>(
    file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> T
) async -> (any Error)? {
    do {
        let value = try await body()
        XCTFail("expected an error, got \(value)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Waits until `condition` holds, for at most `timeout`.
public func eventually(
    timeout: Duration = .seconds(5), file: StaticString = #filePath, line: UInt = #line,
    _ condition: () -> Bool
) async {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else {
            XCTFail("condition did not hold within \(timeout)", file: file, line: line)
            return
        }
        try? await Task.sleep(for: .milliseconds(5))
    }
}
