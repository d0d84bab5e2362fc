import Foundation
import XCTest

/// Compares JSON texts as values: array order matters, object key order
/// does not.
enum JSONCompare {
    /// Parses `data` as JSON (fragments allowed).
    static func parse(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// `nil` when the two SchemaInfo arrays are equal as JSON values;
    /// otherwise a description of the first difference.
    static func firstDifference(_ actual: Data, _ expected: Data) throws -> String? {
        guard let got = try parse(actual) as? [Any] else { return "output is not a JSON array" }
        guard let want = try parse(expected) as? [Any] else { return "reference is not a JSON array" }
        for index in 0..<min(got.count, want.count) where !equal(got[index], want[index]) {
            return "element \(index) differs:\n  got:  \(render(got[index]))\n  want: \(render(want[index]))"
        }
        if got.count != want.count {
            return "got \(got.count) elements, want \(want.count)"
        }
        return nil
    }

    /// Whether two parsed JSON values are equal (object keys unordered).
    static func equal(_ left: Any, _ right: Any) -> Bool {
        switch (left, right) {
        case let (left as [String: Any], right as [String: Any]):
            guard left.count == right.count else { return false }
            return left.allSatisfy { key, value in right[key].map { equal(value, $0) } ?? false }
        case let (left as [Any], right as [Any]):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case let (left as String, right as String):
            return left == right
        case (is NSNull, is NSNull):
            return true
        case (is String, _), (_, is String), (is NSNull, _), (_, is NSNull),
            (is [Any], _), (_, is [Any]), (is [String: Any], _), (_, is [String: Any]):
            return false
        default:
            // Numbers and booleans: compare their JSON spelling.
            return render(left) == render(right)
        }
    }

    /// A one-line JSON rendering of a parsed value, keys sorted.
    static func render(_ value: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
