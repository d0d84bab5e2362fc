import Dispatch

extension SocketChardev {
    /// Checks `options` as QEMU's `qmp_chardev_validate_socket` does (in
    /// its order, with its texts), then listens or connects.
    static func open(
        id: String, options: ChardevSocketOptions, queue: DispatchQueue
    ) throws(ChardevError) -> SocketChardev {
        try validate(options)
        let engine = StreamEngine(chardevID: id, queue: queue)
        guard options.isServer else {
            let descriptor: Int32
            switch options.address {
            case .unix(let path): descriptor = try UnixSocket.connect(path: path)
            case .inet(let host, let port): descriptor = try InetSocket.connect(host: host, port: port)
            }
            engine.open(
                reading: descriptor, writing: descriptor, isSocket: true,
                filename: connectionFilename(descriptor, isServer: false))
            return SocketChardev(
                id: id, isServer: false, address: options.address, engine: engine, listeningPath: nil)
        }
        let descriptor: Int32
        var address = options.address
        var listeningPath: String?
        switch options.address {
        case .unix(let path):
            descriptor = try UnixSocket.listen(path: path)
            listeningPath = path
        case .inet(let host, let port):
            descriptor = try InetSocket.listen(host: host, port: port)
            if case .inet(let boundHost, let boundPort, _)? = SocketName.local(of: descriptor) {
                address = .inet(host: boundHost, port: boundPort)
            }
        }
        engine.listen(on: descriptor) { connectionFilename($0, isServer: true) }
        return SocketChardev(
            id: id, isServer: true, address: address, engine: engine, listeningPath: listeningPath)
    }

    /// QEMU's option checks for server and client mode (spec C2, C7),
    /// then the two options this implementation does not support.
    private static func validate(_ options: ChardevSocketOptions) throws(ChardevError) {
        if options.isServer {
            if options.reconnect != nil {
                throw .backend("'reconnect' option is incompatible with socket in server listen mode")
            }
            if options.reconnectMilliseconds != nil {
                throw .backend("'reconnect-ms' option is incompatible with socket in server listen mode")
            }
            if options.wait == true {
                throw .backend("'wait' is not supported: a listening socket never waits for a client")
            }
        } else {
            if options.wait != nil {
                throw .backend("'wait' option is incompatible with socket in client connect mode")
            }
            if options.reconnect != nil && options.reconnectMilliseconds != nil {
                throw .backend("'reconnect' and 'reconnect-ms' are mutually exclusive")
            }
            if (options.reconnect ?? 0) != 0 || (options.reconnectMilliseconds ?? 0) != 0 {
                throw .backend("'reconnect' is not supported: a client socket connects once")
            }
        }
    }
}
