import Dispatch
import QAPICodegen
import QAPISchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory `qapi-gen` writes into (`-o`, `--build-plan`): created
/// when missing; a file is rewritten only when its contents change, so an
/// unchanged output keeps its timestamp and does not make the build
/// recompile it.
struct OutputDirectory {
    /// The directory's path.
    let path: String

    /// An output failure: a message for one line of standard error.
    struct Failure: Error {
        let message: String
    }

    /// Creates the directory and its missing parents.
    func create() throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw Failure(message: "cannot create directory '\(prefix)': \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
    }

    /// Writes each of `files` as `write(_:to:)` does, several at a time;
    /// the failure reported is that of the first file (in order) that
    /// failed.
    func write(_ files: [GeneratedFile]) throws(Failure) {
        nonisolated(unsafe) var failures = [Failure?](repeating: nil, count: files.count)
        failures.withUnsafeMutableBufferPointer { slots in
            // Each job writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                do throws(Failure) {
                    try write(files[index].contents, to: files[index].name)
                } catch {
                    slots[index] = error
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes `contents` to file `name` unless it already holds exactly that.
    func write(_ contents: String, to name: String) throws(Failure) {
        let filePath = path + "/" + name
        var contents = contents
        // The reason of a failed open or write, taken before `close` runs.
        let failure = contents.withUTF8 { bytes -> String? in
            if let existing = try? FileBytes.load(filePath), Self.equal(existing, bytes) { return nil }
            let fd = open(filePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            if fd < 0 { return String(cString: strerror(errno)) }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw Failure(message: "cannot write '\(filePath)': \(failure)") }
    }

    /// Whether `existing` holds exactly `bytes`, compared a block at a time.
    private static func equal(_ existing: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard existing.count == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return existing.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, bytes.count) == 0 }
    }
}
