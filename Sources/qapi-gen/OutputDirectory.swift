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

    /// Writes `contents` to file `name` unless it already holds exactly that.
    func write(_ contents: String, to name: String) throws(Failure) {
        let filePath = path + "/" + name
        var bytes = Array(contents.utf8)
        if (try? FileBytes.load(filePath)) == bytes { return }
        let fd = open(filePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd < 0 {
            throw Failure(message: "cannot write '\(filePath)': \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var offset = 0
        let failed = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed {
            throw Failure(message: "cannot write '\(filePath)': \(String(cString: strerror(errno)))")
        }
    }
}
