import QMPMonitorSchema

extension QMPMonitorSchema.ChardevBackend {
    /// The chardev layer's backend for these `chardev-add` options.
    /// Options this implementation does not provide (TLS, telnet, TN3270,
    /// WebSocket, log files) are refused as backend errors rather than
    /// ignored.
    func chardevBackend() throws(ChardevError) -> ChardevDriver {
        switch branch {
        case .null(let wrapper):
            try Self.checkCommon(logfile: wrapper.data.logfile)
            return .null
        case .stdio(let wrapper):
            try Self.checkCommon(logfile: wrapper.data.logfile)
            return .stdio
        case .ringbuf(let wrapper):
            try Self.checkCommon(logfile: wrapper.data.logfile)
            return .ringbuf(size: wrapper.data.size.map { Int(clamping: $0) })
        case .memory(let wrapper):
            try Self.checkCommon(logfile: wrapper.data.logfile)
            return .memory(size: wrapper.data.size.map { Int(clamping: $0) })
        case .file(let wrapper):
            let file = wrapper.data
            try Self.checkCommon(logfile: file.logfile)
            return .file(input: file.in, output: file.out, append: file.append ?? false)
        case .pty(let wrapper):
            try Self.checkCommon(logfile: wrapper.data.logfile)
            return .pty
        case .socket(let wrapper):
            let socket = wrapper.data
            try Self.checkCommon(logfile: socket.logfile)
            if socket.tlsCreds != nil { throw Self.unsupported("tls-creds") }
            if socket.tlsAuthz != nil { throw Self.unsupported("tls-authz") }
            if socket.websocket == true && socket.server == false {
                throw ChardevError(.backend, "Websocket client is not implemented")
            }
            if socket.websocket == true { throw Self.unsupported("websocket") }
            if socket.telnet == true { throw Self.unsupported("telnet") }
            if socket.tn3270 == true { throw Self.unsupported("tn3270") }
            let address: ChardevSocketAddress
            switch socket.addr.branch {
            case .unix(let unix): address = .unix(path: unix.data.path)
            case .inet(let inet): address = .inet(host: inet.data.host, port: inet.data.port)
            case .unknown(let name): throw ChardevError(.backend, "address type '\(name)' is not supported")
            }
            return .socket(
                ChardevSocketOptions(
                    address: address, server: socket.server, wait: socket.wait,
                    reconnect: socket.reconnect, reconnectMilliseconds: socket.reconnectMs))
        case .unknown(let name):
            throw ChardevError(.backend, "'\(name)' is not a valid char driver name")
        }
    }

    private static func checkCommon(logfile: String?) throws(ChardevError) {
        if logfile != nil { throw unsupported("logfile") }
    }

    private static func unsupported(_ option: String) -> ChardevError {
        ChardevError(.backend, "'\(option)' is not supported by this server")
    }
}
