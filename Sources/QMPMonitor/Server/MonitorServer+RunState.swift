import QAPIRuntime
import QMPMonitorSchema

extension MonitorServer {
    /// The run states a server without a guest goes through (spec S1):
    /// the part of QEMU's `RunState` that `query-status` can report here.
    public enum RunState: String, Sendable, Hashable, CaseIterable {
        /// Running: the initial state, and the state after `cont`.
        case running
        /// Stopped by `stop`.
        case paused
        /// Not started yet (`Configuration.startsPaused`, QEMU's `-S`), or
        /// reset while not running.
        case prelaunch
    }

    /// The current run state, as `query-status` reports it.
    public var runState: RunState {
        runStateStore.withLock { $0 }
    }

    /// Pauses the server as QMP's `stop` does (spec S2): from `.running`
    /// it enters `.paused` and sends STOP; in any other state nothing
    /// happens. Returns whether the state changed. Safe from any thread;
    /// from a command handler, the event goes out before the response
    /// (spec E3), as for every event.
    @discardableResult
    public func pause() -> Bool {
        runStateStore.withLock { state in
            guard state == .running else { return false }
            state = .paused
            emit(Events.Stop())
            return true
        }
    }

    /// Resumes the server as QMP's `cont` does (spec S3): from `.paused`
    /// or `.prelaunch` it enters `.running` and sends RESUME; when it
    /// runs already nothing happens. Returns whether the state changed.
    @discardableResult
    public func resume() -> Bool {
        runStateStore.withLock { state in
            guard state != .running else { return false }
            state = .running
            emit(Events.Resume())
            return true
        }
    }

    /// Resets the server as QMP's `system_reset` does (spec S4): sends
    /// RESET with `reason` (`guest` true for a guest's reason); a server
    /// that was not running is then in `.prelaunch`, a running one keeps
    /// running.
    public func reset(reason: ShutdownReason = .hostQMPSystemReset) {
        runStateStore.withLock { state in
            emit(Events.Reset(guest: reason.isGuestInitiated, reason: ShutdownCause(rawValue: reason.rawValue)))
            if state != .running { state = .prelaunch }
        }
    }

    /// Requests a power-off as QMP's `system_powerdown` does (spec S5):
    /// sends POWERDOWN. Nothing acts on it here, so the run state stays.
    public func requestPowerDown() {
        emit(Events.Powerdown())
    }
}
