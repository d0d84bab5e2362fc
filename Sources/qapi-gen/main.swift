import QAPICodegen
import QAPISchema

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
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
    let schema = try QAPISchema(fileName: options.schemaPath!)
    switch options.action {
    case .dump:
        write(QAPITestDump.render(schema), to: .standardOutput)
    case .introspection:
        let entries = QAPIIntrospection.schemaInfo(
            for: schema, unmask: options.unmask, definedSymbols: options.definedSymbols)
        write(QAPIIntrospection.renderJSON(entries), to: .standardOutput)
    case .check, .help:
        break
    }
} catch {
    let text = options.diagnostics == .qemu ? error.qemuDescription : error.compilerDescription
    write(text + "\n", to: .standardError)
    exit(1)
}
