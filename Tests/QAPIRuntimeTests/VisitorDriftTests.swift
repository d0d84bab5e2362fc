import Foundation
import QAPIRuntime
import XCTest

/// Tolerant decoding reports what it let through with the member path of
/// each place: through nested objects, union branches, list elements and
/// alternates' branches.
final class VisitorDriftTests: XCTestCase {
    func testDriftIsReportedWithItsPathAtEveryDepth() throws {
        let chardev = #"""
            {"id": "c", "x": 1, "backend": {"type": "socket", "data": {"addr": {"type": "unix",
             "data": {"path": "p", "y": 2}}, "server": true, "z": 3}}}
            """#
        XCTAssertEqual(
            try drift(ChardevAddArguments.self, chardev),
            [
                "unknown member 'backend.data.addr.data.y'", "unknown member 'backend.data.z'", "unknown member 'x'",
            ])
        let rack = #"""
            {"widgets": [{"id": "a", "count": 1}, {"id": "b", "count": 2, "w": 0, "color": "mauve"}],
             "targets": ["s", {"node": "n", "index": 1, "t": 0}], "colors": ["red", "beta"], "r": 0}
            """#
        XCTAssertEqual(
            try drift(Rack.self, rack),
            [
                "unknown value 'mauve' at 'widgets[1].color'", "unknown member 'widgets[1].w'",
                "unknown member 'targets[1].t'", "unknown member 'r'",
            ])
        XCTAssertEqual(
            try drift(ChardevAddArguments.self, #"{"id": "c", "backend": {"type": "pty"}}"#),
            [
                "unknown value 'pty' at 'backend.type'", "unknown union branch 'pty' at 'backend'",
            ])
    }

    /// The drift reports, in order, of decoding `json` as `T` tolerantly.
    private func drift<T: QAPIDecodable>(_ type: T.Type, _ json: String) throws -> [String] {
        let reports = DriftLog()
        let options = QAPIDecodingOptions.tolerant { reports.append($0.description) }
        _ = try QAPIDecoder.decode(T.self, from: JSONValue(parsing: json), options: options)
        return reports.all
    }
}

/// Drift reports collected from a `@Sendable` handler.
private final class DriftLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [String] = []

    func append(_ report: String) {
        lock.withLock { reports.append(report) }
    }

    var all: [String] { lock.withLock { reports } }
}
