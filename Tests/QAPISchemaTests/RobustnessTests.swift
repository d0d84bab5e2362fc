import Foundation
import QAPISchema
import QAPITestSupport
import XCTest

/// No input crashes or hangs the front end: every damaged schema ends in a
/// diagnostic that names a file and a line, or in a valid dump.
final class RobustnessTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qapi-robustness-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Corpus files, smallest first, as raw bytes.
    private func corpusFiles() throws -> [(name: String, bytes: [UInt8])] {
        let cases = try TestEnvironment.sharedFolder("qapi-conformance/cases")
        return try FileManager.default.contentsOfDirectory(atPath: cases.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { ($0, Array(try Data(contentsOf: cases.appendingPathComponent($0)))) }
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

    func testTruncationAtEveryByteOffset() throws {
        var runs = 0
        var problems: [String] = []
        for (name, bytes) in try corpusFiles() {
            for length in 0...bytes.count {
                runs += 1
                if let problem = check(Array(bytes[0..<length]), label: "\(name) cut at \(length)") {
                    problems.append(problem)
                }
            }
        }
        print("robustness: \(runs) truncated inputs")
        XCTAssertGreaterThan(runs, 0)
        XCTAssertEqual(problems, [])
    }

    func testRandomByteFlips() throws {
        var generator = SplitMix64(seed: 0x5157_4150_4921)
        var runs = 0
        var problems: [String] = []
        for (name, bytes) in try corpusFiles() where !bytes.isEmpty {
            for _ in 0..<40 {
                var damaged = bytes
                for _ in 0..<(1 + Int(generator.next() % 3)) {
                    let offset = Int(generator.next() % UInt64(damaged.count))
                    damaged[offset] ^= UInt8(truncatingIfNeeded: 1 << (generator.next() % 8))
                }
                runs += 1
                if let problem = check(damaged, label: "\(name) flipped") { problems.append(problem) }
            }
        }
        print("robustness: \(runs) inputs with flipped bits")
        XCTAssertEqual(problems, [])
    }

    func testInvalidUTF8IsADiagnosticWithLineAndColumn() throws {
        let sequences: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        for sequence in sequences {
            let text = Array("{ 'enum': 'E',\n  'data': [ 'a' ] }\n# note: ".utf8) + sequence + Array(" x\n".utf8)
            let file = scratch.appendingPathComponent("utf8.json")
            _ = FileManager.default.createFile(atPath: file.path, contents: Data(text))
            XCTAssertThrowsError(try QAPICheckedSchema(fileName: file.path)) { error in
                guard let error = error as? QAPIError else { return XCTFail("unexpected error \(error)") }
                XCTAssertEqual(error.qemuDescription, "\(file.path):3:9: invalid UTF-8 byte sequence")
            }
        }
    }

    func testDeepNestingIsADiagnostic() throws {
        let depth = 100_000
        let text = Array("{ 'struct': 'S', 'data': ".utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
        XCTAssertNil(check(text, label: "deep nesting"))
    }
}

/// A small deterministic random number generator for reproducible fuzzing.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
