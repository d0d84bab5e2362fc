import QAPIRuntime

/// A connection to a QMP server (QEMU, or anything that speaks QMP), with
/// typed commands and events.
///
/// ```swift
/// let qmp = try await QMPConnection.connect(to: .unix(path: "/run/vm.qmp"))
/// let status = try await qmp.execute(Commands.QueryStatus.self)
/// for try await event in qmp.events(Events.Shutdown.self) { … }
/// await qmp.close()
/// ```
///
/// Calls may be made from any number of tasks at once. Every request
/// carries an id of the connection's own and replies are matched by it;
/// events are routed apart from replies whatever order they come in. At
/// most `Options.maxInFlight` in-band requests are on the wire; further
/// calls wait in the client, first come first served.
///
/// The connection holds no thread: its socket is non-blocking and watched
/// by QMPReactor (an epoll thread on Linux). It ends when the server closes it, on a read or
/// write error, on a message over the size limit, on `close()`, or when
/// the last reference to it goes; every pending and waiting call then
/// fails with the same `QMPClientError.disconnected(reason)`, and every
/// event stream ends with that error (normally, after `close()`).
public final class QMPConnection: Sendable {
    /// Where the server listens.
    public let endpoint: QMPEndpoint
    /// The server's greeting.
    public let greeting: QMPGreeting
    /// Whether out-of-band execution was negotiated.
    public let isOutOfBandEnabled: Bool
    /// The options the connection was made with.
    public let options: Options
    let core: ConnectionCore

    private init(
        endpoint: QMPEndpoint, greeting: QMPGreeting, isOutOfBandEnabled: Bool, options: Options, core: ConnectionCore
    ) {
        self.endpoint = endpoint
        self.greeting = greeting
        self.isOutOfBandEnabled = isOutOfBandEnabled
        self.options = options
        self.core = core
    }

    deinit {
        core.close(.closedByClient)
    }

    /// Connects to `endpoint`, reads the greeting and negotiates
    /// capabilities (`oob` when offered and `options.enableOutOfBand`).
    ///
    /// Throws `QMPClientError`: `.connectionFailed` (no server there,
    /// after the retries `options.retry` allows), `.connectTimedOut` (no
    /// greeting or negotiation reply within `options.connectTimeout`),
    /// `.badGreeting`, `.negotiationFailed`, `.cancelled`.
    public static func connect(to endpoint: QMPEndpoint, options: Options = Options()) async throws -> QMPConnection {
        let (descriptor, started) = try await SocketConnector.connect(
            to: endpoint, timeout: options.connectTimeout, retry: options.retry)
        let core = ConnectionCore(descriptor: descriptor, options: options)
        core.start()
        do {
            let handshake = Handshake(core: core, endpoint: endpoint, timeout: options.connectTimeout, started: started)
            let greeting = try await handshake.readGreeting()
            let enableOutOfBand = options.enableOutOfBand && greeting.capabilities.contains("oob")
            try await handshake.negotiate(enablingOutOfBand: enableOutOfBand)
            if enableOutOfBand { core.enableOutOfBand() }
            return QMPConnection(
                endpoint: endpoint, greeting: greeting, isOutOfBandEnabled: enableOutOfBand, options: options,
                core: core)
        } catch {
            // Throws once the socket is closed, as close() returns.
            core.close(.closedByClient)
            _ = try? await core.channel.closed.value(onCancel: {})
            throw error
        }
    }

    /// Closes the connection and returns once the socket is closed. Calls
    /// still pending fail with `.disconnected(.closedByClient)`; event
    /// streams finish normally.
    public func close() async {
        core.close(.closedByClient)
        _ = try? await core.channel.closed.value(onCancel: {})
    }

    /// Counts of what the connection received, and of the calls on the
    /// wire and waiting for a slot now.
    public var statistics: Statistics {
        core.statistics
    }
}
