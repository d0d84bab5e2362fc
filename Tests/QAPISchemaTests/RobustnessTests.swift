import Foundation
import QAPISchema
import QAPITestSupport
import Testing

/// No input crashes or hangs the front end: every damaged schema ends in a
/// diagnostic that names a file and a line, or in a valid dump.
///
/// The damaged schemas are made from each `.json` file of
/// `../shared/qapi-conformance/cases`, one test case per file (listed when
/// the tests run; `QAPI_CASE=NAME` keeps one). Each test case works in a
/// scratch folder of its own, so the cases can run in parallel.
@Suite final class RobustnessTests {
    static let corpusFolder = "qapi-conformance/cases"

    private let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qapi-robustness-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The corpus file `name`.json, as raw bytes.
    private static func corpusBytes(_ name: String) throws -> [UInt8] {
        let cases = try TestEnvironment.sharedFolder(corpusFolder)
        return Array(try Data(contentsOf: cases.appendingPathComponent(name + ".json")))
    }

    /// Runs the whole front end on `bytes`; returns a description of what
    /// went wrong, or `nil` when it ended well.
    private func check(_ bytes: [UInt8], label: String) -> String? {
        let file = scratch.appendingPathComponent("input.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        do {
            let schema = try QAPICheckedSchema(fileName: file.path)
            _ = QAPITestDump.render(schema)
            return nil
        } catch {
            guard let location = error.location, location.line >= 1, !location.fileName.isEmpty else {
                return "\(label): diagnostic without file and line: \(error.qemuDescription)"
            }
            return nil
        }
    }

    @Test("the corpus is not empty")
    func corpusIsNotEmpty() throws {
        let names = try TestEnvironment.sharedCaseNames(in: Self.corpusFolder, suffix: ".json")
        #expect(
            !names.isEmpty,
            "the corpus at \(TestEnvironment.sharedDirectory.path)/\(Self.corpusFolder) has no .json files")
    }

    @Test(
        "every truncation of a corpus file is a diagnostic or a schema",
        arguments: try TestEnvironment.sharedCaseNames(in: corpusFolder, suffix: ".json"))
    func truncationAtEveryByteOffset(_ name: String) throws {
        let bytes = try Self.corpusBytes(name)
        var problems: [String] = []
        for length in 0...bytes.count {
            if let problem = check(Array(bytes[0..<length]), label: "cut at \(length)") {
                problems.append(problem)
            }
        }
        #expect(problems == [])
    }

    @Test(
        "a corpus file with flipped bits is a diagnostic or a schema",
        arguments: try TestEnvironment.sharedCaseNames(in: corpusFolder, suffix: ".json"))
    func randomByteFlips(_ name: String) throws {
        let bytes = try Self.corpusBytes(name)
        guard !bytes.isEmpty else { return }
        var generator = SplitMix64(seed: 0x5157_4150_4921 ^ Self.stableHash(name))
        var problems: [String] = []
        for round in 0..<40 {
            var damaged = bytes
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let offset = Int(generator.next() % UInt64(damaged.count))
                damaged[offset] ^= UInt8(truncatingIfNeeded: 1 << (generator.next() % 8))
            }
            if let problem = check(damaged, label: "flip round \(round)") { problems.append(problem) }
        }
        #expect(problems == [])
    }

    @Test(
        "invalid UTF-8 is a diagnostic with line and column",
        arguments: [[0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]] as [[UInt8]])
    func invalidUTF8IsADiagnosticWithLineAndColumn(_ sequence: [UInt8]) throws {
        let text = Array("{ 'enum': 'E',\n  'data': [ 'a' ] }\n# note: ".utf8) + sequence + Array(" x\n".utf8)
        let file = scratch.appendingPathComponent("utf8.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(text))
        let error = #expect(throws: QAPIError.self) { try QAPICheckedSchema(fileName: file.path) }
        #expect(error?.qemuDescription == "\(file.path):3:9: invalid UTF-8 byte sequence")
    }

    @Test("deep nesting is a diagnostic")
    func deepNestingIsADiagnostic() {
        let depth = 100_000
        let text = Array("{ 'struct': 'S', 'data': ".utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
        #expect(check(text, label: "deep nesting") == nil)
    }

    /// FNV-1a of `name`: a seed per corpus file that is the same in every
    /// run (unlike `Hasher`).
    private static func stableHash(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
