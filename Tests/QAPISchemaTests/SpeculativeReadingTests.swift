import Foundation
import QAPISchema
import QAPITestSupport
import Testing

/// The parallel, speculative reading of a schema's files gives exactly what
/// the sequential reading gives: the same expressions and docs with the
/// same locations (include chains too), the same files read in the same
/// order, the same pragma, and the same first error.
@Suite struct SpeculativeReadingTests {
    @Test(
        "every corpus case reads the same in parallel as in sequence",
        arguments: try TestEnvironment.sharedCaseNames(in: ConformanceTests.corpusFolder, suffix: ".json"))
    func corpusCaseReadsTheSame(_ name: String) throws {
        let cases = try TestEnvironment.sharedFolder(ConformanceTests.corpusFolder)
        try expectSameReading(of: cases.appendingPathComponent(name).path)
    }

    @Test("QEMU's whole schema reads the same in parallel as in sequence")
    func wholeQEMUSchemaReadsTheSame() throws {
        let qemu = try TestEnvironment.sharedFolder("qemu-10.0.13")
        try expectSameReading(of: qemu.appendingPathComponent("qapi/qapi-schema.json").path)
    }

    @Test("a file first included from a nested file keeps that include chain")
    func nestedFirstInclusionKeepsItsChain() throws {
        // root.json includes a.json, which includes b.json, then b.json
        // itself: the parallel reading parses b.json for root.json's line
        // (queued first), but its first inclusion is a.json's.
        let folder = try Self.schemaFolder([
            "root.json": "{ 'include': 'a.json' }\n{ 'include': 'b.json' }\n",
            "a.json": "{ 'include': 'b.json' }\n",
            "b.json": "{ 'pragma': { 'doc-required': false } }\n\n{ 'struct': 'Thing', 'data': { 'x': 'Nope' } }\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("root.json").path
        try expectSameReading(of: root)
        // The check reports the error with the chain the reading gave.
        var files: [String] = []
        let sequential = try QAPISchemaParser.parseSequentially(fileName: root, filesRead: &files)
        let want = #expect(throws: QAPIError.self) {
            try QAPICheckedSchema(expressions: sequential.expressions, docs: sequential.docs, fileName: root)
        }
        let got = #expect(throws: QAPIError.self) { try QAPICheckedSchema(fileName: root) }
        #expect(got?.qemuDescription == want?.qemuDescription)
        #expect(
            got?.qemuDescription.hasPrefix(
                "In file included from \(root):1:\nIn file included from \(folder.path)/a.json:1:\n") == true)
    }

    @Test("a file named by another path at its first inclusion is read under that name")
    func firstInclusionNamesTheFile() throws {
        try expectSameReading(ofFolder: [
            "root.json": "{ 'include': 'sub/y.json' }\n{ 'include': 'sub/../sub/x.json' }\n",
            "sub/y.json": "{ 'include': 'x.json' }\n{ 'enum': 'Y', 'data': ['a'] }\n",
            "sub/x.json": "{ 'enum': 'X', 'data': ['b'] }\n",
        ])
    }

    @Test("pragmas apply in the order the sequential reading meets them")
    func pragmasApplyInReadingOrder() throws {
        try expectSameReading(ofFolder: [
            "root.json": "{ 'include': 'a.json' }\n{ 'pragma': { 'command-name-exceptions': ['root_x'] } }\n"
                + "{ 'include': 'b.json' }\n",
            "a.json": "{ 'pragma': { 'command-name-exceptions': ['a_x'], 'doc-required': true } }\n",
            "b.json": "{ 'pragma': { 'member-name-exceptions': ['B'] } }\n",
        ])
    }

    @Test("an inclusion loop found only through the first inclusion is still reported")
    func loopThroughTheFirstInclusion() throws {
        try expectSameReading(ofFolder: [
            "root.json": "{ 'include': 'a.json' }\n{ 'include': 'b.json' }\n",
            "a.json": "{ 'include': 'b.json' }\n",
            "b.json": "{ 'include': 'a.json' }\n",
        ])
    }

    /// Expects both readings of `root.json` in a new folder holding
    /// `files` to agree.
    private func expectSameReading(ofFolder files: [String: String]) throws {
        let folder = try Self.schemaFolder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectSameReading(of: folder.appendingPathComponent("root.json").path)
    }

    /// Expects both readings of `path` to agree on everything they give.
    private func expectSameReading(of path: String) throws {
        var parallelFiles: [String] = []
        var sequentialFiles: [String] = []
        let parallel = Result { () throws(QAPIError) in
            try QAPISchemaParser.parse(fileName: path, filesRead: &parallelFiles)
        }
        let sequential = Result { () throws(QAPIError) in
            try QAPISchemaParser.parseSequentially(fileName: path, filesRead: &sequentialFiles)
        }
        #expect(parallelFiles == sequentialFiles)
        switch (parallel, sequential) {
        case (.success(let got), .success(let want)):
            #expect(Self.summary(got) == Self.summary(want))
        case (.failure(let got), .failure(let want)):
            #expect(got.qemuDescription == want.qemuDescription)
        default:
            Issue.record("the parallel reading gave \(parallel), the sequential one \(sequential)")
        }
    }

    /// Every expression and doc with its location, and the pragma, as text.
    private static func summary(_ schema: QAPIParsedSchema) -> [String] {
        let expressions = schema.expressions.map { expression in
            "\(expression.info.location) \(expression.members) doc: \(expression.doc.map { "\($0.info.location)" } ?? "none")"
        }
        let docs = schema.docs.map { doc in
            "\(doc.info.location) \(doc.symbol ?? "-") "
                + doc.allSections.map { "\($0.kind) \($0.name ?? "-") \($0.info.location) \($0.text)" }
                .joined(separator: " | ")
        }
        let pragma = schema.expressions.first.map { expression in
            let settings = expression.info.pragma
            return "pragma \(settings.docRequired) \(settings.commandNameExceptions) "
                + "\(settings.commandReturnsExceptions) \(settings.documentationExceptions) "
                + "\(settings.memberNameExceptions)"
        }
        return expressions + docs + [pragma ?? "no pragma"]
    }

    /// A new folder holding `files` (paths relative to it).
    private static func schemaFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qapi-read-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
