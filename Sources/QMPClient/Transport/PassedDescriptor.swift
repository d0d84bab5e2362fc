#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor on its way to the server with a request: the
/// client's own duplicate (close-on-exec), closed when the request is sent
/// or dropped, so the caller's descriptor stays the caller's.
final class PassedDescriptor: Sendable {
    /// The duplicate.
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        POSIXSocket.close(descriptor)
    }

    /// A duplicate of `descriptor`, or the system's error.
    static func duplicating(_ descriptor: Int32) -> Result<PassedDescriptor, SystemError> {
        let duplicate = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard duplicate >= 0 else { return .failure(SystemError(code: errno)) }
        return .success(PassedDescriptor(descriptor: duplicate))
    }
}
