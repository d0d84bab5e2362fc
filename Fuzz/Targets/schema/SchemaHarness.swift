import Foundation
import QAPICodegen
import QAPISchema

/// The front end and the back end on one schema file: the input is
/// written to `input.json` in a scratch directory, read both in parallel
/// and sequentially (the two must agree), read, checked and
/// built into the model (`QAPICheckedSchema(fileName:)`), dumped as QEMU's test
/// harness does, turned into introspection data and into Swift (with
/// the client, every condition symbol defined). A diagnostic is a fine
/// ending, but it must name a file and a line (the crash, hang and memory
/// properties are libFuzzer's: -timeout, -rss_limit_mb).
///
/// The input may include the files of the scratch directory: the small
/// schemas in `include/` beside this file (`common.json`, which includes
/// `parts/drawing.json`), the project's own `qapi/*.json` and the `sub/`
/// folder of the generated-code tests' schema, so that the project's
/// schemas, which are seeds, resolve their includes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    if SchemaWorkspace.namesFileOutside(input) { return -1 }
    let fileName = SchemaWorkspace.shared.write(input)
    checkBothReadingsAgree(fileName)
    do throws(QAPIError) {
        let schema = try QAPICheckedSchema(fileName: fileName)
        _ = QAPITestDump.render(schema)
        _ = QAPIIntrospection.renderJSON(QAPIIntrospection.schemaInfo(for: schema, definedSymbols: []))
        let symbols = Set(QAPIIntrospection.conditionSymbols(in: schema))
        _ = try QAPISwiftGenerator.generate(
            schema, options: SwiftGeneratorOptions(definedSymbols: symbols, client: true))
    } catch {
        let location = error.location
        fuzzCheck(
            location.map { $0.line >= 1 && !$0.fileName.isEmpty } ?? false,
            "diagnostic without file and line: \(error.qemuDescription)")
    }
    return 0
}

/// The parallel reading of `fileName` (`QAPISchemaParser.parse`, which
/// `QAPICheckedSchema(fileName:)` uses) and the sequential one agree: the
/// same files read, and the same first error, or the same expressions'
/// locations (include chains too), model (its dump) and first check
/// error.
func checkBothReadingsAgree(_ fileName: String) {
    func outcome(_ read: (inout [String]) throws(QAPIError) -> QAPIParsedSchema) -> String {
        var files: [String] = []
        var text = ""
        do throws(QAPIError) {
            let parsed = try read(&files)
            text = parsed.expressions.map { "\($0.info.location)" }.joined(separator: "\n")
            let schema = try QAPICheckedSchema(expressions: parsed.expressions, docs: parsed.docs, fileName: fileName)
            text += "\n" + QAPITestDump.render(schema)
        } catch {
            text += "\nerror: " + error.qemuDescription
        }
        return files.joined(separator: "\n") + "\n" + text
    }
    let parallel = outcome { files throws(QAPIError) in
        try QAPISchemaParser.parse(fileName: fileName, filesRead: &files)
    }
    let sequential = outcome { files throws(QAPIError) in
        try QAPISchemaParser.parseSequentially(fileName: fileName, filesRead: &files)
    }
    fuzzCheck(parallel == sequential, "the readings differ:\n\(parallel)\n---\n\(sequential)")
}

/// The scratch directory of one fuzzing process, with the include files
/// and the input: `$QAPI_FUZZ_SCRATCH` (Scripts/fuzz.sh makes it and
/// removes it, even after a crash), else a new folder in /tmp, removed
/// when the process exits normally.
final class SchemaWorkspace: Sendable {
    /// The process's workspace, made on first use.
    static let shared = SchemaWorkspace()

    /// The scratch directory.
    let directory: String
    /// Where each input is written.
    let inputPath: String

    private init() {
        let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = sourceDirectory.appendingPathComponent("../../..").standardized
        if let scratch = ProcessInfo.processInfo.environment["QAPI_FUZZ_SCRATCH"] {
            directory = scratch
        } else {
            var template = Array("/tmp/qapi-fuzz-schema.XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { fatalError("mkdtemp: \(String(cString: strerror(errno)))") }
            directory = String(cString: made)
        }
        inputPath = directory + "/input.json"
        let files = FileManager.default
        do {
            let includes = sourceDirectory.appendingPathComponent("include")
            for name in try files.contentsOfDirectory(atPath: includes.path) {
                try files.copyItem(atPath: includes.appendingPathComponent(name).path, toPath: directory + "/" + name)
            }
            let projectSchema = root.appendingPathComponent("qapi")
            for name in try files.contentsOfDirectory(atPath: projectSchema.path) where name.hasSuffix(".json") {
                try files.copyItem(
                    atPath: projectSchema.appendingPathComponent(name).path, toPath: directory + "/" + name)
            }
            let testSchemaParts = root.appendingPathComponent("Tests/QAPIGeneratedTests/schema/sub")
            try files.copyItem(atPath: testSchemaParts.path, toPath: directory + "/sub")
        } catch {
            fatalError("cannot fill \(directory): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: SchemaWorkspace.shared.directory) }
    }

    /// Writes `input` to `inputPath` and returns that path.
    func write(_ input: UnsafeBufferPointer<UInt8>) -> String {
        guard FileManager.default.createFile(atPath: inputPath, contents: Data(buffer: input)) else {
            fatalError("cannot write \(inputPath)")
        }
        return inputPath
    }

    /// Whether `input` could include a file outside the workspace: it has
    /// a string that starts with `/` (an absolute path) or with `..`, or
    /// a `/..` step. Such inputs are skipped: including `/dev/zero` or a
    /// FIFO would hang the harness by request, which is no bug.
    static func namesFileOutside(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let quote = UInt8(ascii: "'"), slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        for index in input.indices.dropLast() {
            let (byte, next) = (input[index], input[index + 1])
            if byte == quote && next == slash { return true }
            if (byte == quote || byte == slash) && next == dot && index + 2 < input.count && input[index + 2] == dot {
                return true
            }
        }
        return false
    }
}
