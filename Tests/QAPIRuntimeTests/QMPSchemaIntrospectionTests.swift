import QAPIRuntime
import XCTest

/// The `query-qmp-schema` data holder.
final class QMPSchemaIntrospectionTests: XCTestCase {
    func testParsesTheText() {
        let text = #"[{"name": "query-status", "meta-type": "command", "arg-type": "0", "ret-type": "1"}]"#
        let introspection = QMPSchemaIntrospection(json: text)
        XCTAssertEqual(introspection.json, text)
        XCTAssertEqual(
            introspection.value, [["name": "query-status", "meta-type": "command", "arg-type": "0", "ret-type": "1"]])
        XCTAssertEqual(JSONWriter().string(introspection.value), text)
    }

    func testConcurrentReadsAgree() async {
        let introspection = QMPSchemaIntrospection(json: #"[{"name": "x", "members": [1, 2.5, null, true]}]"#)
        let values = await withTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<8 { group.addTask { introspection.value } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(values.count, 8)
        XCTAssertTrue(values.allSatisfy { $0 == [["name": "x", "members": [1, 2.5, nil, true]]] })
    }

    func testDeepNestingBeyondClientLimits() {
        let depth = 1500
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = QMPSchemaIntrospection(json: text).value
        var levels = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            levels += 1
        }
        XCTAssertEqual(levels, depth - 1)
    }
}
