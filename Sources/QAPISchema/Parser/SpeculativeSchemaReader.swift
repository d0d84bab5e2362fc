import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a schema's files on several threads at once, with exactly the
/// result of the sequential reading, or gives up.
///
/// Each file is parsed on its own, with its `include` directives and
/// pragmas noted rather than followed: each included file is parsed once,
/// by whichever thread is free. When every parse has ended, the files are
/// put together in the order the sequential reading reaches them: the
/// first inclusion of a file brings its contents, a later one only its
/// marker, and pragmas are applied in that order. A file parsed for an
/// inclusion other than its first gets the first one's include chain (and
/// its inclusions are checked for loops again); if the first inclusion
/// names it by another path, it is parsed again, so that its file name is
/// the sequential reading's.
///
/// Any error in any parse gives up (`read` returns nil): the caller then
/// reads sequentially, which stops at the error QEMU reports first.
///
/// The parse model is made of classes the compiler cannot prove safe to
/// share, so this is checked by hand: a parse creates its own objects and
/// only reads the one it is given (the including line's location, which
/// nothing changes while files are read); parses are handed over under
/// `lock`, and the putting together starts once every parse has ended.
final class SpeculativeSchemaReader: @unchecked Sendable {
    /// A file parsed on its own.
    private struct FileParse {
        let parser: SchemaFileParser
        /// Its first line's location: its include chain and the schema's
        /// pragma.
        let firstLine: QAPISourceInfo
    }

    /// What the threads share, under `lock`.
    private struct Work {
        /// The parse of each file, by absolute path; nil while under way.
        var parses: [String: FileParse?] = [:]
        /// Files to parse: the path as reached, the absolute path, and the
        /// `include` line it is parsed for.
        var queue: [(path: String, absolute: String, parent: QAPISourceInfo)] = []
        /// Parses under way.
        var inFlight = 0
        /// Threads waiting for `wakeUp`.
        var waiting = 0
        /// Whether a parse failed.
        var failed = false
    }

    private let workingDirectory = WorkingDirectory.path
    private let lock = DispatchQueue(label: "QAPISchema.SpeculativeSchemaReader")
    private let wakeUp = DispatchSemaphore(value: 0)
    private var work = Work()

    /// The schema rooted at `fileName` and the files read (as
    /// `QAPISchemaParser.parse(fileName:filesRead:)` gives them), or nil.
    func read(fileName: String) -> (schema: QAPIParsedSchema, filesRead: [String])? {
        guard let root = parseFile(fileName, parent: nil) else { return nil }
        queueIncludes(of: root.parser)
        // One worker per processor; the calling thread is one of them, so
        // the reading ends even when no other thread is free.
        DispatchQueue.concurrentPerform(iterations: max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))) { _ in
            runWorker()
        }
        if work.failed { return nil }
        var assembly = Assembly(included: IncludedFiles(workingDirectory: workingDirectory))
        guard assemble(root, into: &assembly) else { return nil }
        return (QAPIParsedSchema(expressions: assembly.expressions, docs: assembly.docs), assembly.included.order)
    }

    /// Parses `path` on its own for an inclusion at `parent` (nil for the
    /// root); nil on any error.
    private func parseFile(_ path: String, parent: QAPISourceInfo?) -> FileParse? {
        guard let source = try? SchemaSource.load(path: path) else { return nil }
        let firstLine = QAPISourceInfo(fileName: path, parent: parent)
        var parser = SchemaFileParser(
            source: source, fileName: path, info: firstLine,
            included: IncludedFiles(workingDirectory: workingDirectory), handling: .note)
        guard (try? parser.parse()) != nil else { return nil }
        return FileParse(parser: parser, firstLine: firstLine)
    }

    /// Queues each file `parser` includes that has no parse yet, ahead of
    /// those queued before: the files a file includes come next, as in the
    /// sequential reading, and a large file met late (QEMU's
    /// block-core.json, through block.json) does not end the reading
    /// alone on one thread.
    private func queueIncludes(of parser: SchemaFileParser) {
        var found: [(path: String, absolute: String, parent: QAPISourceInfo)] = []
        for case .include(let path, let absolute, let info, _, _) in parser.directives {
            found.append((path, absolute, info))
        }
        lock.sync {
            var new: [(path: String, absolute: String, parent: QAPISourceInfo)] = []
            for file in found where work.parses.index(forKey: file.absolute) == nil {
                work.parses[file.absolute] = .some(nil)
                new.append(file)
            }
            work.queue.insert(contentsOf: new, at: 0)
        }
    }

    /// Parses queued files until none is queued or under way.
    private func runWorker() {
        enum Next {
            case parse(path: String, absolute: String, parent: QAPISourceInfo)
            case wait
            case finished
        }
        while true {
            let next = lock.sync { () -> Next in
                if work.failed { return .finished }
                if !work.queue.isEmpty {
                    work.inFlight += 1
                    let item = work.queue.removeFirst()
                    return .parse(path: item.path, absolute: item.absolute, parent: item.parent)
                }
                if work.inFlight == 0 { return .finished }
                work.waiting += 1
                return .wait
            }
            switch next {
            case .parse(let path, let absolute, let parent):
                let parse = parseFile(path, parent: parent)
                if let parse { queueIncludes(of: parse.parser) }
                let waiting = lock.sync { () -> Int in
                    work.parses[absolute] = parse
                    if parse == nil { work.failed = true }
                    work.inFlight -= 1
                    defer { work.waiting = 0 }
                    return work.waiting
                }
                for _ in 0..<waiting { wakeUp.signal() }
            case .wait:
                wakeUp.wait()
            case .finished:
                return
            }
        }
    }

    /// The schema as it is put together.
    private struct Assembly {
        let included: IncludedFiles
        var expressions: [QAPIExpression] = []
        var docs: [QAPIDoc] = []
    }

    /// Appends `file`'s contents and, at each first inclusion, the
    /// included file's; applies its pragmas. False on any error.
    private func assemble(_ file: FileParse, into assembly: inout Assembly) -> Bool {
        let parser = file.parser
        assembly.included.insert(parser.fileName)
        var expressionStart = 0
        var docStart = 0
        for directive in parser.directives {
            switch directive {
            case .pragma(let setting):
                setting.apply(to: file.firstLine.pragma)
            case .include(let path, let absolute, let info, let expressionCount, let docCount):
                assembly.expressions += parser.expressions[expressionStart..<expressionCount]
                assembly.docs += parser.docs[docStart..<docCount]
                expressionStart = expressionCount
                docStart = docCount
                if assembly.included.isLoop(absolute, at: info) { return false }
                if assembly.included.paths.contains(absolute) { continue }
                guard let child = parse(absolute, path, from: info), assemble(child, into: &assembly) else {
                    return false
                }
            }
        }
        assembly.expressions += parser.expressions[expressionStart...]
        assembly.docs += parser.docs[docStart...]
        return true
    }

    /// The parse of `path` for the inclusion at `info`: the one made, if
    /// it names the file the same way, or a new one.
    private func parse(_ absolute: String, _ path: String, from info: QAPISourceInfo) -> FileParse? {
        guard let made = work.parses[absolute] ?? nil, made.parser.fileName == path else {
            return parseFile(path, parent: info)
        }
        made.firstLine.reparent(to: info)
        return made
    }
}
