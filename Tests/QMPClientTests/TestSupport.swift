import Foundation
import QAPIRuntime
import QMPClient
import XCTest

extension QMPConnection.Options {
    /// Options for tests: short connect timeout, and a default call
    /// timeout so that a bug fails a test instead of hanging it.
    static func testing(
        maxInFlight: Int = 8, defaultTimeout: Duration? = .seconds(10), maxMessageBytes: Int = 32 << 20,
        eventBufferLimit: Int = 4096, enableOutOfBand: Bool = true,
        driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil
    ) -> QMPConnection.Options {
        QMPConnection.Options(
            enableOutOfBand: enableOutOfBand, connectTimeout: .seconds(5), maxInFlight: maxInFlight,
            defaultTimeout: defaultTimeout, maxMessageBytes: maxMessageBytes, eventBufferLimit: eventBufferLimit,
            driftHandler: driftHandler)
    }
}

/// The error `body` throws, or a test failure when it returns.
func thrownError<T>(
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
func eventually(
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

/// The number of threads of this process (Linux: /proc/self/status).
func processThreadCount() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") }
    return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) }
}
