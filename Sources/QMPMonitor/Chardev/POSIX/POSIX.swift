import Glibc

/// Small wrappers over the POSIX calls the chardevs make.
enum POSIX {
    /// `SOCK_STREAM` with close-on-exec, plus `SOCK_NONBLOCK` when asked.
    static func streamType(nonBlocking: Bool) -> Int32 {
        var type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if nonBlocking { type |= Int32(SOCK_NONBLOCK.rawValue) }
        return type
    }

    /// Accepts a client of `listener`, non-blocking and close-on-exec;
    /// nil when none is waiting or the accept failed.
    static func accept(from listener: Int32) -> Int32? {
        let client = retryingInterrupts { Glibc.accept(listener, nil, nil) }
        guard client >= 0 else { return nil }
        guard fcntl(client, F_SETFD, FD_CLOEXEC) == 0, setNonBlocking(client) else {
            Glibc.close(client)
            return nil
        }
        return client
    }

    /// `message: strerror(code)`, the shape of QEMU's `error_setg_errno`.
    static func failure(_ message: String, errno code: Int32) -> ChardevError {
        .backend(message + ": " + String(cString: strerror(code)))
    }

    /// Sets `O_NONBLOCK` on `descriptor`; returns whether it worked.
    static func setNonBlocking(_ descriptor: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0
    }

    /// A close-on-exec duplicate of `descriptor`, or a backend error.
    static func duplicate(_ descriptor: Int32) throws(ChardevError) -> Int32 {
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw failure("Failed to duplicate descriptor \(descriptor)", errno: errno) }
        return copy
    }

    /// Whether the peer of a connected socket has shut down both
    /// directions (`POLLHUP`), as when it closed; a peer that only shut
    /// down its sending side does not count.
    static func peerHasHungUp(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLHUP) != 0
    }

    /// Calls `operation` until it fails with something other than `EINTR`
    /// or succeeds; returns its result.
    static func retryingInterrupts(_ operation: () -> Int32) -> Int32 {
        while true {
            let result = operation()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
