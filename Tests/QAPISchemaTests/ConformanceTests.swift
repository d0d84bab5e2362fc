import Foundation
import QAPITestSupport
import Testing

/// QEMU's front-end corpus and QEMU's whole schema, through `qapi-gen --dump`,
/// compared byte for byte with what QEMU's own harness printed.
///
/// Each corpus case is a test case of its own, named in every failure; the
/// cases are the `.err` files of `../shared/qapi-conformance/cases`, listed
/// when the tests run. `QAPI_CASE=NAME swift test --filter ConformanceTests`
/// runs one of them. Without `../shared` these tests are skipped, or fail
/// with `QAPI_REQUIRE_SHARED=1`.
@Suite struct ConformanceTests {
    static let corpusFolder = "qapi-conformance/cases"

    @Test("the corpus is not empty")
    func corpusIsNotEmpty() throws {
        let names = try TestEnvironment.sharedCaseNames(in: Self.corpusFolder, suffix: ".err")
        #expect(
            !names.isEmpty, "the corpus at \(TestEnvironment.sharedDirectory.path)/\(Self.corpusFolder) has no cases")
    }

    @Test(
        "qapi-gen --dump prints what QEMU printed",
        arguments: try TestEnvironment.sharedCaseNames(in: corpusFolder, suffix: ".err"))
    func corpusCaseMatchesQEMU(_ name: String) throws {
        let cases = try TestEnvironment.sharedFolder(Self.corpusFolder)
        let expectedOut = try Data(contentsOf: cases.appendingPathComponent(name + ".out"))
        let expectedErr = try Data(contentsOf: cases.appendingPathComponent(name + ".err"))
        let result = try TestEnvironment.runQAPIGen(["--dump", name + ".json"], in: cases)
        // Compared as Bools: a failure prints the first differing line,
        // not every byte of both outputs.
        let sameOutput = result.standardOutput == expectedOut
        let sameError = result.standardError == expectedErr
        #expect(sameOutput, "stdout differs\n\(Self.firstDifference(result.standardOutput, expectedOut))")
        #expect(
            sameError,
            "stderr differs\n  got:  \(String(decoding: result.standardError, as: UTF8.self))  want: \(String(decoding: expectedErr, as: UTF8.self))"
        )
        let expectedStatus: Int32 = expectedErr.isEmpty ? 0 : 1
        #expect(result.status == expectedStatus, "exit status \(result.status), expected \(expectedStatus)")
    }

    @Test("QEMU's whole schema dumps as the reference")
    func wholeQEMUSchemaDumpMatchesReference() throws {
        let qemu = try TestEnvironment.sharedFolder("qemu-10.0.13")
        let schemaDirectory = qemu.appendingPathComponent("qapi")
        let expected = try Data(contentsOf: qemu.appendingPathComponent("reference/full-schema.dump"))
        let result = try TestEnvironment.runQAPIGen(["--dump", "qapi-schema.json"], in: schemaDirectory)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "")
        #expect(result.status == 0)
        let sameOutput = result.standardOutput == expected
        #expect(sameOutput, "\(Self.firstDifference(result.standardOutput, expected))")
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
