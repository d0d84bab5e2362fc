import QMPClient

/// Connects to QEMU's QMP socket at `socketPath`, pauses and resumes the
/// guest while watching its events, and shows a QEMU error and a call
/// with a timeout. Returns what it saw, a line per fact.
public func pauseAndResume(socketPath: String) async throws -> [String] {
    var report: [String] = []

    // Connect: read the greeting, negotiate (out-of-band when offered).
    let qmp = try await QMPConnection.connect(to: .unix(path: socketPath))

    // A query.
    let version = try await qmp.queryVersion()
    report.append("QEMU \(version.qemu.major).\(version.qemu.minor).\(version.qemu.micro)")

    // An event loop. The stream subscribes as it is made, so it sees the
    // events of every command sent after this line.
    let events = qmp.events(as: Event.self)
    let watcher = Task {
        var seen: [String] = []
        for try await event in events {
            switch event {
            case .stop: seen.append("STOP")
            case .resume: return seen + ["RESUME"]
            case .shutdown(let shutdown): seen.append("SHUTDOWN \(shutdown.reason.rawValue)")
            case .unknown(let name, _): seen.append("\(name) (not in the schema)")
            }
        }
        return seen
    }
    try await qmp.stop()
    let status = try await qmp.queryStatus()
    report.append("status: \(status.status.rawValue)")
    try await qmp.cont()
    report += try await watcher.value

    // An error keeps QEMU's class and description.
    do {
        try await qmp.chardevRemove(id: "no-such-device")
    } catch let error as QMPCommandError {
        report.append("\(error.errorClass): \(error.desc)")
    }

    // A timeout: without an answer within 2 seconds the call fails (QEMU
    // still runs the command). Out of band, query-yank overtakes
    // in-band commands that QEMU has queued.
    do {
        let instances = try await qmp.outOfBand.queryYank(timeout: .seconds(2))
        report.append("yank instances: \(instances.count)")
    } catch QMPClientError.timedOut(let command, let after) {
        report.append("\(command): no answer within \(after)")
    }

    await qmp.close()
    return report
}
