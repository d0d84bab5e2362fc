import Foundation
import QAPITestSupport
import XCTest

/// QEMU's front-end corpus and QEMU's whole schema, through `qapi-gen --dump`,
/// compared byte for byte with what QEMU's own harness printed.
final class ConformanceTests: XCTestCase {
    func testEveryCorpusCaseMatchesQEMU() throws {
        let cases = try TestEnvironment.sharedFolder("qapi-conformance/cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path)
            .filter { $0.hasSuffix(".err") }
            .map { String($0.dropLast(4)) }
            .sorted()
        XCTAssertFalse(names.isEmpty, "the corpus at \(cases.path) has no cases")

        var failures: [String] = []
        var mismatched: Set<String> = []
        for name in names {
            let expectedOut = try Data(contentsOf: cases.appendingPathComponent(name + ".out"))
            let expectedErr = try Data(contentsOf: cases.appendingPathComponent(name + ".err"))
            let result = try TestEnvironment.runQAPIGen(["--dump", name + ".json"], in: cases)
            if result.standardOutput != expectedOut {
                failures.append("\(name): stdout differs\n" + Self.firstDifference(result.standardOutput, expectedOut))
            }
            if result.standardError != expectedErr {
                failures.append("\(name): stderr differs\n  got:  \(String(decoding: result.standardError, as: UTF8.self))  want: \(String(decoding: expectedErr, as: UTF8.self))")
            }
            let expectedStatus: Int32 = expectedErr.isEmpty ? 0 : 1
            if result.status != expectedStatus {
                failures.append("\(name): exit status \(result.status), expected \(expectedStatus)")
            }
            if result.standardOutput != expectedOut || result.standardError != expectedErr || result.status != expectedStatus {
                mismatched.insert(name)
            }
        }
        print("conformance: ran \(names.count) corpus cases, \(names.count - mismatched.count) matched")
        XCTAssertTrue(failures.isEmpty, "\(failures.count) mismatches:\n" + failures.joined(separator: "\n"))
    }

    func testWholeQEMUSchemaDumpMatchesReference() throws {
        let qemu = try TestEnvironment.sharedFolder("qemu-10.0.13")
        let schemaDirectory = qemu.appendingPathComponent("qapi")
        let expected = try Data(contentsOf: qemu.appendingPathComponent("reference/full-schema.dump"))
        let result = try TestEnvironment.runQAPIGen(["--dump", "qapi-schema.json"], in: schemaDirectory)
        XCTAssertEqual(String(decoding: result.standardError, as: UTF8.self), "")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.standardOutput == expected, Self.firstDifference(result.standardOutput, expected))
    }

    /// The first differing line of two outputs, for a readable failure.
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let got = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(got.count, want.count) {
            let left = index < got.count ? String(got[index]) : "<end>"
            let right = index < want.count ? String(want[index]) : "<end>"
            if left != right { return "  line \(index + 1): got [\(left)] want [\(right)]" }
        }
        return "  (identical)"
    }
}
