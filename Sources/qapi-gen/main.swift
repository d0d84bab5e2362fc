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

let options: CommandLineOptions
do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    write("qapi-gen: error: \(error.message)\nTry 'qapi-gen --help' for more information.\n", to: .standardError)
    exit(2)
}

if options.action == .help {
    write(CommandLineOptions.usage + "\n", to: .standardOutput)
    exit(0)
}

do {
    let schema = try QAPICheckedSchema(fileName: options.schemaPath!)
    switch options.action {
    case .dump:
        write(QAPITestDump.render(schema), to: .standardOutput)
    case .introspection:
        try options.subset?.validate(against: schema)
        let entries = QAPIIntrospection.schemaInfo(
            for: schema, unmask: options.unmask, definedSymbols: options.definedSymbols, subset: options.subset)
        write(QAPIIntrospection.renderJSON(entries), to: .standardOutput)
    case .generate(let directory):
        try generate(schema, into: OutputDirectory(path: directory), options: options)
    case .check, .help:
        break
    }
} catch let failure as OutputDirectory.Failure {
    write("qapi-gen: error: \(failure.message)\n", to: .standardError)
    exit(1)
} catch let error as QAPIError {
    let text = options.diagnostics == .qemu ? error.qemuDescription : error.compilerDescription
    write(text + "\n", to: .standardError)
    exit(1)
}

/// Writes the Swift for `schema` into `directory`.
func generate(_ schema: QAPICheckedSchema, into directory: OutputDirectory, options: CommandLineOptions) throws {
    let generatorOptions = SwiftGeneratorOptions(
        prefix: options.prefix, unmask: options.unmask, definedSymbols: options.definedSymbols, access: options.access,
        client: options.client, subset: options.subset)
    let files = try QAPISwiftGenerator.generate(schema, options: generatorOptions)
    try directory.create()
    for file in files {
        try directory.write(file.contents, to: file.name)
    }
}
