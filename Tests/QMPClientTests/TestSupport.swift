import Foundation
import QAPIRuntime

/// Collects what drift handlers hear.
final class DriftLog: Sendable {
    private let entries = QAPILock<[QAPIDrift]>([])

    /// The handler to pass in the options.
    var handler: @Sendable (QAPIDrift) -> Void {
        { [entries] drift in entries.withLock { $0.append(drift) } }
    }

    /// What was heard, as log lines.
    var lines: [String] { entries.withLock { $0.map(\.description) } }
}

/// The number of threads of this process (Linux: /proc/self/status).
func processThreadCount() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") }
    return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) }
}
