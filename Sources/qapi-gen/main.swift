import QAPICodegen
import QAPISchema

#if canImport(Glibc)
import Glibc
/// POSIX `write`.
let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// POSIX `write`.
let systemWrite = Darwin.write
#endif

/// Standard output and standard error, by file descriptor.
enum OutputStream: Int32 {
    case standardOutput = 1
    case standardError = 2
}

/// Writes all of `text` to `stream`.
func write(_ text: String, to stream: OutputStream) {
    var text = text
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(stream.rawValue, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

var options: CommandLineOptions
do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    write("qapi-gen: error: \(error.message)\nTry 'qapi-gen --help' for more information.\n", to: .standardError)
    exit(2)
}

switch options.action {
case .help:
    write(CommandLineOptions.usage + "\n", to: .standardOutput)
    exit(0)
case .checkBuildPlan(let directory):
    exit(checkBuildPlan(BuildPlanRecord(path: directory)))
default:
    break
}

do {
    options = try options.applyingConfiguration()
} catch {
    write(error.compilerDescription + "\n", to: .standardError)
    exit(1)
}

do {
    let schema = try loadSchema(options)
    switch options.action {
    case .dump:
        write(QAPITestDump.render(schema), to: .standardOutput)
    case .introspection:
        try options.generator.subset?.validate(against: schema)
        let entries = QAPIIntrospection.schemaInfo(
            for: schema, unmask: options.generator.unmask, definedSymbols: options.generator.definedSymbols,
            subset: options.generator.subset)
        write(QAPIIntrospection.renderJSON(entries), to: .standardOutput)
    case .generate(let directory):
        let files = try QAPISwiftGenerator.generate(schema, options: options.generator)
        let output = OutputDirectory(path: directory)
        try output.create()
        try output.write(files)
    case .check, .help, .checkBuildPlan:
        break
    }
    // Done: the process ends without freeing the schema and the output
    // object by object, which took a few percent of a whole run.
    exit(0)
} catch let failure as OutputDirectory.Failure {
    write("qapi-gen: error: \(failure.message)\n", to: .standardError)
    exit(1)
} catch let error as QAPIError {
    let text = options.diagnostics == .qemu ? error.qemuDescription : error.compilerDescription
    write(text + "\n", to: .standardError)
    exit(1)
}

/// Reads and checks the schema; with `--build-plan`, notes the files read
/// (also when reading fails) in the build plan's record.
func loadSchema(_ options: CommandLineOptions) throws -> QAPICheckedSchema {
    let fileName = options.schemaPath!
    var filesRead: [String] = []
    let parsed = Result { () throws(QAPIError) in
        try QAPISchemaParser.parse(fileName: fileName, filesRead: &filesRead)
    }
    if let directory = options.buildPlanDirectory {
        try BuildPlanRecord(path: directory).noteFilesRead(filesRead)
    }
    let schema = try parsed.get()
    return try QAPICheckedSchema(expressions: schema.expressions, docs: schema.docs, fileName: fileName)
}

/// `--check-build-plan`: reports each declared schema file that is gone
/// and returns the exit status.
func checkBuildPlan(_ record: BuildPlanRecord) -> Int32 {
    do {
        let missing = try record.missingDeclaredInputs()
        for file in missing {
            write(
                "\(file): error: this schema file was deleted or renamed after SwiftPM planned the build, "
                    + "which still lists it as an input; the next build plans again, so build once more\n",
                to: .standardError)
        }
        return missing.isEmpty ? 0 : 1
    } catch {
        write("qapi-gen: error: \(error.message)\n", to: .standardError)
        return 1
    }
}
