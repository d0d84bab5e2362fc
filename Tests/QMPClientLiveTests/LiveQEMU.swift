import Foundation
import Glibc
import QAPIRuntime
import QAPITestSupport
import QMPClient

/// The machine a live test's QEMU emulates.
enum LiveMachine {
    /// `-M none`: no machine at all, enough for most of QMP.
    case none
    /// `-M pc -S -m 64`: a PC with 64 MiB that never runs a guest
    /// instruction, for devices.
    case pc

    var arguments: [String] {
        switch self {
        case .none: return ["-M", "none"]
        case .pc: return ["-M", "pc", "-S", "-m", "64"]
        }
    }
}

/// What a QEMU process failed at before the test could use it.
struct LiveQEMUError: Error, CustomStringConvertible {
    /// What went wrong, with what QEMU printed on standard error.
    let description: String
}

/// Runs `body` with a fresh QEMU (`qemu-system-x86_64 MACHINE -display
/// none -nodefaults -qmp unix:PATH,server=on,wait=off`) and a connection to
/// it, made with the bounded retry while the process is alive. The process
/// never outlives the call: afterwards it is asked to `quit` (unless
/// `body` made it end already) and killed with SIGKILL when it does not
/// exit in time. Foundation's `Process`, started from async code, leaves
/// SIGTERM blocked in the child, so SIGTERM is never used.
func withLiveQEMU<T>(
    _ machine: LiveMachine = .none, driftHandler: (@Sendable (QAPIDrift) -> Void)? = nil,
    _ body: (QMPConnection) async throws -> T
) async throws -> T {
    let qemu = try LiveQEMUProcess(machine: machine)
    let connection: QMPConnection
    do {
        connection = try await QMPConnection.connect(
            to: .unix(path: qemu.socketPath),
            options: QMPConnection.Options(
                connectTimeout: .seconds(10), retry: .whileProcessAlive(pid: qemu.processID, for: .seconds(10)),
                defaultTimeout: .seconds(10), driftHandler: driftHandler))
    } catch {
        await qemu.kill()
        throw LiveQEMUError(description: "cannot connect to QEMU: \(error); its stderr: \(qemu.standardError)")
    }
    let result: Result<T, any Error>
    do {
        result = .success(try await body(connection))
    } catch {
        result = .failure(error)
    }
    if qemu.isRunning {
        _ = try? await connection.execute("quit", timeout: .seconds(2))
    }
    await connection.close()
    await qemu.waitForExit(orKillAfter: .seconds(5))
    return try result.get()
}

/// One QEMU process and the files it uses (socket, standard error).
private final class LiveQEMUProcess: Sendable {
    /// The QMP socket's path.
    let socketPath: String
    private let errorPath: String
    private let process: ProcessBox
    private let exit = OneShotExit()

    /// Starts QEMU for `machine`.
    init(machine: LiveMachine) throws {
        let binary = try TestEnvironment.qemuSystemX86()
        let name = "qmp-live-\(UUID().uuidString.prefix(8))"
        socketPath = "/tmp/\(name).sock"
        errorPath = "/tmp/\(name).stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            machine.arguments + ["-display", "none", "-nodefaults", "-qmp", "unix:\(socketPath),server=on,wait=off"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        let exit = self.exit
        process.terminationHandler = { _ in exit.settle() }
        self.process = ProcessBox(process)
        try process.run()
    }

    deinit {
        unlink(socketPath)
        unlink(errorPath)
        // On Linux, run() adds a run-loop source that retains the Process,
        // which holds the source until waitUntilExit() lets go of it.
        if exit.hasExited { process.value.waitUntilExit() }
    }

    /// The process id.
    var processID: Int32 { process.value.processIdentifier }

    /// Whether the process has not exited yet.
    var isRunning: Bool { !exit.hasExited }

    /// What QEMU printed on standard error so far.
    var standardError: String {
        (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    }

    /// Kills the process (SIGKILL) and waits for it to exit.
    func kill() async {
        if isRunning { _ = Glibc.kill(processID, SIGKILL) }
        await exit.wait()
    }

    /// Waits up to `limit` for the process to exit, then kills it.
    func waitForExit(orKillAfter limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
        await kill()
    }
}

/// A `Process`, which Foundation does not mark `Sendable`; it is only
/// read (its id) after `run()`, which is safe from any thread.
private final class ProcessBox: @unchecked Sendable {
    let value: Process

    init(_ value: Process) {
        self.value = value
    }
}

/// The exit of a process: settled once by its termination handler, and
/// awaited by any number of tasks.
private final class OneShotExit: Sendable {
    private struct State {
        var hasExited = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = QAPILock(State())

    /// Whether the process has exited.
    var hasExited: Bool { state.withLock { $0.hasExited } }

    /// Marks the process exited and wakes every waiter.
    func settle() {
        let waiters = state.withLock { state in
            state.hasExited = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the process has exited.
    func wait() async {
        await withCheckedContinuation { continuation in
            let exited = state.withLock { state in
                if !state.hasExited { state.waiters.append(continuation) }
                return state.hasExited
            }
            if exited { continuation.resume() }
        }
    }
}
