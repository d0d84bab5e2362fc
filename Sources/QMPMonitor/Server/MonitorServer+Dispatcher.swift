import Dispatch
import QAPIRuntime

extension MonitorServer {
    /// The dispatcher (QEMU's `monitor_qmp_dispatcher_co`): whenever woken,
    /// it runs queued requests until none is left, one at a time, taking
    /// them round robin from the monitors (spec Q3). After shutdown was
    /// asked for it finishes the request it runs, then stops the server.
    func runDispatcher(_ wakeups: AsyncStream<Void>) async {
        for await _ in wakeups {
            while !isShutdownRequested, let job = await onIOQueue({ self.nextJob() }) {
                await run(job)
            }
            if isShutdownRequested { break }
        }
        await stopServing()
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

    /// Runs `job` on the dispatcher and hands its result to its monitor
    /// on the I/O queue, after any event the job emitted (spec E3).
    private func run(_ job: DispatcherJob) async {
        switch job {
        case .control(let monitor, let request):
            let response = await registry.dispatch(request, policy: configuration.policy)
            await onIOQueue { monitor.finish(response) }
        case .human(let monitor, let line):
            let output = runHumanCommand(line)
            await onIOQueue { monitor.finish(output: output) }
        }
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
