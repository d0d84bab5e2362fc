#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls (no Foundation): schema files here,
/// and `qapi-gen`'s configuration, lists and existing outputs.
package enum FileBytes {
    /// Why a file could not be read: `strerror`'s text.
    package struct Failure: Error {
        /// The operating system's reason.
        package let reason: String
    }

    /// The bytes of the file at `path`.
    package static func load(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // Read straight into an array of the file's size (plus one byte, to
        // see the end without another call); a file that grows meanwhile is
        // read on, a block at a time.
        var status = stat()
        let size = fstat(fd, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var result = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == result.count { result += [UInt8](repeating: 0, count: 65536) }
            let count = result.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            if count == 0 {
                result.removeLast(result.count - filled)
                return result
            }
            filled += count
        }
    }
}
