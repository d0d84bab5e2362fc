#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's working directory, which relative schema paths are
/// taken against (QEMU's generator uses `os.path` the same way).
package enum WorkingDirectory {
    /// The current working directory, or `/` if it cannot be determined.
    package static var path: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
