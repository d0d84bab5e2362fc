import Dispatch
import QAPIRuntime
import QMPReactor

/// Opens the socket of a QMP connection: resolves the endpoint, connects
/// without blocking a thread, and tries again while the retry policy
/// allows.
enum SocketConnector {
    /// How long to wait before trying a socket that is not there yet.
    static let retryInterval = Duration.milliseconds(20)

    /// A connected, non-blocking socket to `endpoint` and the moment the
    /// attempt that made it started. Each attempt may take `timeout`.
    static func connect(
        to endpoint: QMPEndpoint, timeout: Duration, retry: QMPConnection.ConnectRetry?
    ) async throws -> (descriptor: Int32, started: ContinuousClock.Instant) {
        let clock = ContinuousClock()
        let retryEnd = retry.map { clock.now + $0.duration }
        while true {
            if Task.isCancelled { throw QMPClientError.cancelled(command: "connect") }
            let started = clock.now
            let failure: SystemError
            switch await attempt(endpoint, deadline: started + timeout) {
            case .connected(let descriptor):
                return (descriptor, started)
            case .timedOut:
                throw QMPClientError.connectTimedOut(
                    endpoint: endpoint.description, stage: "the socket to connect", after: timeout)
            case .unusable(let reason):
                throw QMPClientError.connectionFailed(endpoint: endpoint.description, reason: reason)
            case .failed(let error):
                failure = error
            }
            guard failure.meansNotListeningYet, let retry, let retryEnd else {
                throw QMPClientError.connectionFailed(endpoint: endpoint.description, reason: failure.text)
            }
            guard POSIXSocket.processExists(retry.processID) else {
                throw QMPClientError.connectionFailed(
                    endpoint: endpoint.description,
                    reason: "\(failure.text) (process \(retry.processID) is not running)")
            }
            guard clock.now < retryEnd else {
                throw QMPClientError.connectionFailed(
                    endpoint: endpoint.description,
                    reason: "\(failure.text) (still, after retrying for \(retry.duration))")
            }
            do {
                try await Task.sleep(for: retryInterval)
            } catch {
                throw QMPClientError.cancelled(command: "connect")
            }
        }
    }

    /// How one attempt ended.
    private enum Attempt {
        case connected(Int32)
        case failed(SystemError)
        case timedOut
        /// The endpoint cannot be connected to at all (a path too long, a
        /// host that does not resolve).
        case unusable(String)
    }

    /// One attempt: every address of the endpoint in turn.
    private static func attempt(_ endpoint: QMPEndpoint, deadline: ContinuousClock.Instant) async -> Attempt {
        let addresses: [SocketAddress]
        switch endpoint {
        case .unix(let path):
            guard let address = SocketAddress.unix(path: path) else {
                return .unusable("'\(path)' is not a usable unix socket path (empty or too long)")
            }
            addresses = [address]
        case .tcp(let host, let port):
            switch await SocketAddress.resolve(host: host, port: port) {
            case .success(let resolved): addresses = resolved
            case .failure(let error): return .unusable("cannot resolve '\(host)': \(error.text)")
            }
        }
        var outcome = Attempt.unusable("no address to connect to")
        for address in addresses {
            outcome = await connect(address, deadline: deadline)
            if case .failed = outcome { continue }
            return outcome
        }
        return outcome
    }

    /// Connects one socket to `address`. A full listen backlog (a unix
    /// server busy with another client) is tried again until `deadline`.
    private static func connect(_ address: SocketAddress, deadline: ContinuousClock.Instant) async -> Attempt {
        while true {
            let descriptor: Int32
            switch POSIXSocket.makeStream(family: address.family) {
            case .success(let made): descriptor = made
            case .failure(let error): return .failed(error)
            }
            if POSIXSocket.connect(descriptor, to: address) == 0 { return .connected(descriptor) }
            let error = SystemError(code: POSIXSocket.lastError)
            if error.meansInProgress {
                guard await waitUntilWritable(descriptor, deadline: deadline) else {
                    POSIXSocket.close(descriptor)
                    return .timedOut
                }
                let code = POSIXSocket.pendingError(descriptor)
                if code == 0 { return .connected(descriptor) }
                POSIXSocket.close(descriptor)
                return .failed(SystemError(code: code))
            }
            POSIXSocket.close(descriptor)
            guard error.meansBacklogFull else { return .failed(error) }
            guard ContinuousClock.now < deadline else { return .timedOut }
            do {
                try await Task.sleep(for: retryInterval)
            } catch {
                return .timedOut
            }
        }
    }

    /// Waits until `descriptor` is writable (a non-blocking connect has
    /// finished); false when `deadline` came first or the task was
    /// cancelled. Returns once the watch has let go of the descriptor, so
    /// the caller may close it.
    private static func waitUntilWritable(_ descriptor: Int32, deadline: ContinuousClock.Instant) async -> Bool {
        let ready = OneShot<Bool>()
        let released = OneShot<Void>()
        let queue = DispatchQueue(label: "QMPClient.connect", target: .global())
        let watch = QAPILock<IOWatch?>(nil)
        watch.withLock { slot in
            slot = IOWatch.writing(
                descriptor, queue: queue,
                onEvent: {
                    ready.settle(.success(true))
                    watch.withLock { $0?.turnOff() }
                },
                onCancel: { released.settle(.success(())) })
            slot?.turnOn()
        }
        queue.asyncAfter(deadline: .now() + (deadline - ContinuousClock.now).dispatchInterval) {
            ready.settle(.success(false))
        }
        let writable = (try? await ready.value(onCancel: { ready.settle(.success(false)) })) ?? false
        watch.withLock { $0?.cancel() }
        // Settled by the cancel handler alone, so a cancelled task waits too.
        _ = try? await released.value(onCancel: {})
        return writable
    }
}
