import Dispatch
import QAPIRuntime

extension MonitorServer {
    /// The dispatcher (QEMU's `monitor_qmp_dispatcher_co`): runs queued
    /// requests one at a time, taking them round robin from the monitors
    /// (spec Q3), and waits on the I/O side while there is none. After
    /// shutdown was asked for it finishes the request it runs, then stops
    /// the server.
    ///
    /// The dispatcher costs a request at most one hand-off between
    /// threads: the I/O queue resumes the waiting dispatcher with the job.
    /// The dispatcher reports the result and takes the next job with
    /// `ioQueue.sync`, which runs on the dispatcher's own thread when the
    /// queue is idle (and waits briefly when it is not: the I/O side never
    /// waits for the dispatcher, so this cannot deadlock).
    func runDispatcher() async {
        var job = await report(nil)
        while let current = job {
            job = await report(run(current))
        }
        await stopServing()
    }

    /// Runs `job` here, on the dispatcher; returns what hands its result
    /// to its monitor, on the I/O queue.
    private func run(_ job: DispatcherJob) async -> @Sendable () -> Void {
        switch job {
        case .control(let monitor, let request):
            let response = await registry.dispatch(request, policy: configuration.policy)
            return { monitor.finish(response) }
        case .human(let monitor, let line):
            let output = runHumanCommand(line)
            return { monitor.finish(output: output) }
        }
    }

    /// Runs `result` on the I/O queue (after any event the job emitted,
    /// spec E3), and returns the next job: at once when a monitor has one,
    /// otherwise once `handOutJob()` finds one; nil once shutdown was
    /// asked for.
    private func report(_ result: (@Sendable () -> Void)?) async -> DispatcherJob? {
        await withCheckedContinuation { continuation in
            ioQueue.sync {
                result?()
                precondition(self.table.idleDispatcher == nil, "two dispatchers")
                self.table.idleDispatcher = continuation
                self.handOutJob()
            }
        }
    }

    /// Gives the waiting dispatcher, if any, its next job, or nil once
    /// shutdown was asked for; it waits on while there is no job. On the
    /// I/O queue, outside any monitor's callback (taking a job changes
    /// the monitor's session).
    func handOutJob() {
        guard let dispatcher = table.idleDispatcher else { return }
        let job: DispatcherJob?
        if isShutdownRequested {
            job = nil
        } else if let next = nextJob() {
            job = next
        } else {
            return
        }
        table.idleDispatcher = nil
        dispatcher.resume(returning: job)
    }

    /// The next request to run: from the first monitor, in `mon_list`
    /// order, that has one; that monitor moves to the tail. Requests a
    /// session answers itself are answered on the way. On the I/O queue.
    private func nextJob() -> DispatcherJob? {
        while let monitor = table.list.firstWithWork {
            table.list.moveToTail(monitor)
            if let job = monitor.takeJob() { return job }
        }
        return nil
    }

    /// Stops the server: every connection closes once its output is sent
    /// (or after `shutdownFlushTimeout`), every monitor releases its
    /// chardev, every chardev closes.
    private func stopServing() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            ioQueue.async {
                self.table.isShuttingDown = true
                for monitor in self.table.list.monitors where monitor.beginShutdown() {
                    self.table.awaitingClose.insert(ObjectIdentifier(monitor))
                }
                self.table.closeWaiter = continuation
                if self.table.awaitingClose.isEmpty {
                    self.table.releaseCloseWaiter()
                    return
                }
                self.ioQueue.asyncAfter(deadline: .now() + self.configuration.shutdownFlushTimeout) {
                    self.table.releaseCloseWaiter()
                }
            }
        }
        await onIOQueue {
            for monitor in self.table.list.removeAll() { monitor.detach() }
        }
        for chardev in chardevs.chardevs {
            try? chardevs.remove(id: chardev.id)
        }
        markStopped()
    }
}
