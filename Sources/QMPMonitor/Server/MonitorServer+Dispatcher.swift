import Dispatch
import QAPIRuntime
import QMPReactor

extension MonitorServer {
    /// What the dispatcher does next.
    enum DispatcherStep: Sendable {
        /// Run this job.
        case run(DispatcherJob)
        /// Go idle: no monitor has a job (`startDispatcher()` starts it again).
        case wait
        /// Stop the server: shutdown was asked for.
        case stop
    }

    /// The dispatcher (QEMU's `monitor_qmp_dispatcher_co`): runs queued
    /// requests one at a time, taking them round robin from the monitors
    /// (spec Q3), until none is left. After shutdown was asked for it
    /// finishes the request it runs, then stops the server.
    ///
    /// It is not a thread of its own. The I/O side starts it when a
    /// monitor queues a job while it is idle (`wakeDispatcher()`); on the
    /// reactor thread that read the request, right after the read, so a
    /// request whose handler does not suspend is read, run and answered
    /// by one thread, with no hand-off. Started anywhere else, it runs as
    /// a task. A handler that suspends goes on as a task; the reactor
    /// thread goes back to reading meanwhile, and another reactor thread
    /// waits while one runs a handler, so out-of-band requests and other
    /// monitors are still served while a command runs.
    ///
    /// The dispatcher reports each result and takes the next job with
    /// `ioQueue.sync`, which runs on its own thread when the queue is idle
    /// (and waits briefly when it is not: the I/O side never waits for
    /// the dispatcher, so this cannot deadlock).
    func runDispatcher() async {
        var step = ioQueue.sync { nextStep() }
        while case .run(let job) = step {
            let result = await run(job)
            step = ioQueue.sync {
                result()
                return nextStep()
            }
        }
        if case .stop = step { await stopServing() }
    }

    /// Runs `job` here, on the dispatcher; returns what hands its result
    /// to its monitor, on the I/O queue.
    private func run(_ job: DispatcherJob) async -> () -> Void {
        switch job {
        case .control(let monitor, let request):
            let response = await registry.dispatch(request, policy: configuration.policy)
            return { monitor.finish(response) }
        case .human(let monitor, let line):
            let output = runHumanCommand(line)
            return { monitor.finish(output: output) }
        }
    }

    /// Starts the dispatcher if it is idle: on this reactor thread once
    /// the current delivery is over, otherwise as a task. On the I/O
    /// queue; the dispatcher takes its first job outside any monitor's
    /// callback (taking a job changes the monitor's session).
    func startDispatcher() {
        guard table.dispatcher == .idle else { return }
        table.dispatcher = .starting
        let startedHere = ReactorThread.afterDelivery {
            Task.immediate { await self.runDispatcher() }
        }
        if !startedHere {
            Task { await self.runDispatcher() }
        }
    }

    /// The dispatcher's next step, taken on the I/O queue: stop once
    /// shutdown was asked for, else the next job, else wait (the
    /// dispatcher is idle until `startDispatcher()`).
    private func nextStep() -> DispatcherStep {
        precondition(table.dispatcher != .idle && table.dispatcher != .stopped, "a second dispatcher")
        if isShutdownRequested {
            table.dispatcher = .stopped
            return .stop
        }
        if let job = nextJob() {
            table.dispatcher = .running
            return .run(job)
        }
        table.dispatcher = .idle
        return .wait
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
