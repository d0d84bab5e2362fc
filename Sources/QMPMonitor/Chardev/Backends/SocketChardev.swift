/// A unix or TCP socket chardev (QEMU's `socket` backend).
///
/// A server listens without waiting (`wait=off`) and serves one client at
/// a time: further clients' connects succeed (listen backlog) and each is
/// accepted once the previous one has left (spec T7). A client connects
/// when the chardev is created and does not reconnect.
public final class SocketChardev: Chardev {
    /// The chardev's id.
    public let id: String
    /// Always ``ChardevDriverKind/socket``.
    public var backend: ChardevDriverKind { .socket }
    /// Sockets support the monitor I/O thread (spec G2).
    public var supportsIOThread: Bool { true }
    /// Whether the chardev listens.
    public let isServer: Bool
    /// For a server, the address it listens on, numeric, with the real
    /// port when port 0 was asked for; for a client, the address it
    /// connected to, as given.
    public let address: ChardevSocketAddress

    private let engine: StreamEngine
    /// The filename without a connection (`disconnected:…`).
    private let disconnectedFilename: String
    /// A listening unix socket's path, unlinked at close as QEMU does.
    private let listeningPath: String?

    init(
        id: String, isServer: Bool, address: ChardevSocketAddress, engine: StreamEngine,
        listeningPath: String?
    ) {
        self.id = id
        self.isServer = isServer
        self.address = address
        self.engine = engine
        self.listeningPath = listeningPath
        disconnectedFilename = "disconnected:" + Self.name(of: address) + (isServer ? ",server=on" : "")
    }

    /// `disconnected:unix:PATH,server=on` while listening without a
    /// client, `unix:PATH,server=on` with one; `unix:` for a connected
    /// client, which names its own unnamed end as QEMU 7.2 does (spec C5,
    /// D5), and `disconnected:unix:PATH` once it lost its connection.
    /// TCP: `tcp:HOST:PORT,server=on <-> PEER:PORT`.
    public var filename: String {
        engine.connectionFilename ?? disconnectedFilename
    }

    /// Whether a frontend is attached.
    public var isBusy: Bool { engine.isBusy }

    /// True while a frontend is attached.
    public var frontendOpen: Bool { engine.isBusy }

    /// Attaches `frontend`; a connected client is announced to it.
    public func attach(_ frontend: any ChardevFrontend) throws(ChardevError) -> ChardevLink {
        try engine.attach(frontend)
    }

    /// Drops the current connection at once, with any output not sent yet
    /// (`yank`, spec Y2): the frontend is told it closed, a server then
    /// accepts its next client, a client stays disconnected. Does nothing
    /// without a connection. Safe from any thread, the I/O queue included.
    public func yank() {
        engine.dropConnection()
    }

    /// Closes the listening socket and any connection; unlinks a listening
    /// unix socket's path.
    public func close() throws(ChardevError) {
        guard try engine.close() else { return }
        if let listeningPath { UnixSocket.removeFile(at: listeningPath) }
    }

    /// `unix:PATH` or `tcp:HOST:PORT`, as QEMU names a socket address.
    static func name(of address: ChardevSocketAddress) -> String {
        switch address {
        case .unix(let path): "unix:" + path
        case .inet(let host, let port): "tcp:\(host):\(port)"
        }
    }

    /// The filename while connection `descriptor` is open, as QEMU 7.2
    /// computes it from the socket's two ends: a unix socket is named by
    /// its own end, so a client (whose end has no name) is `unix:`.
    static func connectionFilename(_ descriptor: Int32, isServer: Bool) -> String {
        switch (SocketName.local(of: descriptor), SocketName.peer(of: descriptor)) {
        case (.unix(let path)?, _):
            return "unix:" + path + (isServer ? ",server=on" : "")
        case (let local?, let peer?):
            return "tcp:\(local.hostAndPort)\(isServer ? ",server=on" : "") <-> \(peer.hostAndPort)"
        default:
            return "unknown"
        }
    }
}
