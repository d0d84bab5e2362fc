import Dispatch
import Glibc
import Synchronization

extension DescriptorChardev {
    /// Whether a chardev holds the process's stdio; QEMU allows one.
    private static let processStdioTaken = Atomic(false)

    /// A `stdio` chardev on duplicates of `input` and `output` (the
    /// originals stay open and untouched apart from `O_NONBLOCK`, which
    /// they share with the duplicates).
    static func openStdio(
        id: String, input: Int32, output: Int32, queue: DispatchQueue, afterClose: (@Sendable () -> Void)? = nil
    ) throws(ChardevError) -> DescriptorChardev {
        let readDescriptor = try POSIX.duplicate(input)
        let writeDescriptor: Int32
        do {
            writeDescriptor = try POSIX.duplicate(output)
        } catch {
            Glibc.close(readDescriptor)
            throw error
        }
        return DescriptorChardev(
            id: id, backend: .stdio, filename: "stdio", input: readDescriptor, output: writeDescriptor,
            queue: queue, afterClose: afterClose)
    }

    /// The `stdio` chardev on descriptors 0 and 1, so nothing else in the
    /// process should read stdin or write stdout; fails while another
    /// chardev holds them, with QEMU's text.
    static func openProcessStdio(id: String, queue: DispatchQueue) throws(ChardevError) -> DescriptorChardev {
        guard
            processStdioTaken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
                .exchanged
        else { throw .backend("cannot use stdio by multiple character devices") }
        do {
            return try openStdio(
                id: id, input: STDIN_FILENO, output: STDOUT_FILENO, queue: queue,
                afterClose: { processStdioTaken.store(false, ordering: .releasing) })
        } catch {
            processStdioTaken.store(false, ordering: .releasing)
            throw error
        }
    }

    /// A `file` chardev writing `output` (created, and truncated unless
    /// `append`) and reading `input` when given (to its end, which closes
    /// the chardev); QEMU's `Could not open 'PATH': REASON` otherwise.
    static func openFile(
        id: String, input: String?, output: String, append: Bool, queue: DispatchQueue
    ) throws(ChardevError) -> DescriptorChardev {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let writeDescriptor = try openPath(output, flags: flags)
        let readDescriptor: Int32
        var afterClose: (@Sendable () -> Void)?
        do {
            if let input {
                readDescriptor = try openPath(input, flags: O_RDONLY | O_CLOEXEC)
            } else {
                // No input: the read end of a pipe whose write end stays
                // open until the chardev closes, so it never ends.
                let (reading, writing) = try pipe()
                readDescriptor = reading
                afterClose = { Glibc.close(writing) }
            }
        } catch {
            Glibc.close(writeDescriptor)
            throw error
        }
        return DescriptorChardev(
            id: id, backend: .file, filename: "file", input: readDescriptor, output: writeDescriptor, queue: queue,
            afterClose: afterClose)
    }

    /// A `pty` chardev on the main side of a new pseudo-terminal in raw
    /// mode; `ptyPath` names its terminal (`/dev/pts/N`). The chardev
    /// keeps the terminal side open too, so that it stays open while no
    /// program has the terminal open.
    static func openPty(
        id: String, queue: DispatchQueue
    ) throws(ChardevError) -> (chardev: DescriptorChardev, ptyPath: String) {
        // Linux's pseudo-terminal multiplexer: opening it makes a new
        // pair; the ioctls unlock the terminal side and give its number.
        let main = Glibc.open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard main >= 0 else { throw POSIX.failure("Failed to create PTY", errno: errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(main, Self.setPtyLock, &unlock) == 0, ioctl(main, Self.getPtyNumber, &number) == 0 else {
            let code = errno
            Glibc.close(main)
            throw POSIX.failure("Failed to create PTY", errno: code)
        }
        let path = "/dev/pts/\(number)"
        let terminal = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else {
            let code = errno
            Glibc.close(main)
            throw POSIX.failure("Failed to open PTY \(path)", errno: code)
        }
        var settings = termios()
        if tcgetattr(terminal, &settings) == 0 {
            cfmakeraw(&settings)
            _ = tcsetattr(terminal, TCSAFLUSH, &settings)
        }
        let chardev = DescriptorChardev(
            id: id, backend: .pty, filename: "pty:" + path, input: main, output: main, queue: queue,
            afterClose: { Glibc.close(terminal) })
        return (chardev, path)
    }

    /// `path` opened with `flags` (mode 0666 when created).
    private static func openPath(_ path: String, flags: Int32) throws(ChardevError) -> Int32 {
        let descriptor = POSIX.retryingInterrupts { Glibc.open(path, flags, 0o666) }
        guard descriptor >= 0 else { throw POSIX.failure("Could not open '\(path)'", errno: errno) }
        return descriptor
    }

    /// A new close-on-exec pipe: its read and write ends.
    private static func pipe() throws(ChardevError) -> (Int32, Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw POSIX.failure("Failed to create a pipe", errno: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// `TIOCSPTLCK`, `_IOW('T', 0x31, int)`: locks or unlocks a pty's
    /// terminal side (a C macro Swift does not import).
    private static let setPtyLock: UInt = 0x4004_5431
    /// `TIOCGPTN`, `_IOR('T', 0x30, unsigned int)`: a pty's number.
    private static let getPtyNumber: UInt = 0x8004_5430
}
