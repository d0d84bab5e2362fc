#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls the client makes on sockets, spelled once for Linux
/// and once for macOS.
enum POSIXSocket {
    /// The last system error code.
    static var lastError: Int32 { errno }

    /// A non-blocking, close-on-exec stream socket of address `family`
    /// that raises no SIGPIPE; the descriptor, or the error code.
    static func makeStream(family: Int32) -> Result<Int32, SystemError> {
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = socket(family, type, 0)
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        return .success(descriptor)
        #elseif canImport(Darwin)
        let descriptor = socket(family, SOCK_STREAM, 0)
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        var on: Int32 = 1
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0,
            fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0,
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
        else {
            let code = errno
            Darwin.close(descriptor)
            return .failure(SystemError(code: code))
        }
        return .success(descriptor)
        #endif
    }

    /// Starts connecting `descriptor` to `address`: 0, or -1 with `errno`
    /// (`EINPROGRESS` while a TCP connection is being made).
    static func connect(_ descriptor: Int32, to address: SocketAddress) -> Int32 {
        address.withSockaddr { pointer, length in
            retryingInterrupts {
                #if canImport(Glibc)
                Glibc.connect(descriptor, pointer, length)
                #elseif canImport(Darwin)
                Darwin.connect(descriptor, pointer, length)
                #endif
            }
        }
    }

    /// The outcome of a non-blocking connect once the socket is writable:
    /// 0 for connected, else the error code.
    static func pendingError(_ descriptor: Int32) -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return errno }
        return code
    }

    /// Sends bytes without raising SIGPIPE: the count sent, or -1 with
    /// `errno`.
    static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #elseif canImport(Darwin)
        let flags: Int32 = 0
        #endif
        while true {
            #if canImport(Glibc)
            let sent = Glibc.send(descriptor, bytes.baseAddress, bytes.count, flags)
            #elseif canImport(Darwin)
            let sent = Darwin.send(descriptor, bytes.baseAddress, bytes.count, flags)
            #endif
            if sent >= 0 || errno != EINTR { return sent }
        }
    }

    /// Sends bytes with the file descriptor `passed` attached (SCM_RIGHTS,
    /// unix sockets only), without raising SIGPIPE: the count sent, or -1
    /// with `errno`. The descriptor goes with the first byte sent.
    static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, passing passed: Int32) -> Int {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        let align = MemoryLayout<Int>.size
        #elseif canImport(Darwin)
        let flags: Int32 = 0
        let align = MemoryLayout<UInt32>.size
        #endif
        // CMSG_SPACE and CMSG_LEN for one Int32, which Swift does not import.
        let headerSize = (MemoryLayout<cmsghdr>.size + align - 1) & ~(align - 1)
        let dataSize = MemoryLayout<Int32>.size
        let spaceSize = headerSize + (dataSize + align - 1) & ~(align - 1)
        let control = UnsafeMutableRawPointer.allocate(byteCount: spaceSize, alignment: align)
        defer { control.deallocate() }
        control.initializeMemory(as: UInt8.self, repeating: 0, count: spaceSize)
        let header = control.bindMemory(to: cmsghdr.self, capacity: 1)
        header.pointee.cmsg_level = SOL_SOCKET
        header.pointee.cmsg_type = Int32(SCM_RIGHTS)
        header.pointee.cmsg_len = .init(headerSize + dataSize)
        control.storeBytes(of: passed, toByteOffset: headerSize, as: Int32.self)
        var vector = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
        return withUnsafeMutablePointer(to: &vector) { vector in
            var message = msghdr()
            message.msg_iov = vector
            message.msg_iovlen = 1
            message.msg_control = control
            message.msg_controllen = .init(spaceSize)
            while true {
                let sent = sendmsg(descriptor, &message, flags)
                if sent >= 0 || errno != EINTR { return sent }
            }
        }
    }

    /// Reads into `buffer`: the count read (0 at end of input), or -1 with
    /// `errno`.
    static func receive(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            #if canImport(Glibc)
            let count = Glibc.recv(descriptor, buffer.baseAddress, buffer.count, 0)
            #elseif canImport(Darwin)
            let count = Darwin.recv(descriptor, buffer.baseAddress, buffer.count, 0)
            #endif
            if count >= 0 || errno != EINTR { return count }
        }
    }

    /// Closes `descriptor`.
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Whether process `pid` exists (a zombie counts until it is reaped).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether `code` means "try again later" on a non-blocking socket.
    static func wouldBlock(_ code: Int32) -> Bool {
        code == EAGAIN || code == EWOULDBLOCK
    }

    private static func retryingInterrupts(_ operation: () -> Int32) -> Int32 {
        while true {
            let result = operation()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

/// A system error code with its text.
struct SystemError: Error, Sendable {
    /// The `errno` value.
    let code: Int32

    /// The system's text for the code (`Connection refused`).
    var text: String { String(cString: strerror(code)) }

    /// Whether a socket that is not there yet, or not listening yet, gave
    /// it: what a server that is still starting looks like.
    var meansNotListeningYet: Bool { code == ENOENT || code == ECONNREFUSED }

    /// Whether a full listen backlog gave it (unix sockets say `EAGAIN`).
    var meansBacklogFull: Bool { POSIXSocket.wouldBlock(code) }

    /// Whether a non-blocking connect is under way.
    var meansInProgress: Bool { code == EINPROGRESS }
}
