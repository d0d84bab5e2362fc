import Foundation

/// Counting the process's open descriptors, for leak checks.
public extension TestEnvironment {
    /// How many descriptors the process has open, Dispatch's timer
    /// descriptors left out: Dispatch opens one for each kind of timer the
    /// first time one is armed and keeps it, so a count with them can grow
    /// by one in the middle of a test without anything leaking. This
    /// project opens no timer descriptor of its own.
    static func openDescriptorCount() throws -> Int {
        let directory = "/proc/self/fd"
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\(name)"))
                != "anon_inode:[timerfd]"
        }.count
    }
}
