import QAPIRuntime
import QMPMonitorSchema

extension MonitorServer {
    /// The yank instances (spec Y1): every socket chardev, in the order
    /// the chardevs were created.
    var yankableChardevs: [SocketChardev] {
        chardevs.chardevs.compactMap { $0 as? SocketChardev }
    }

    /// `yank` (spec Y2): every instance is looked up first, and any that
    /// is not a socket chardev (an unknown id, another backend, a block
    /// node, migration) fails the whole command with `DeviceNotFound`
    /// `Instance not found` before anything is yanked; then each socket
    /// drops its connection at once. Synchronous and safe on the I/O
    /// queue, where it runs out of band.
    func yank(_ instances: [YankInstance]) throws(QMPError) {
        var sockets: [SocketChardev] = []
        for instance in instances {
            guard case .chardev(let target) = instance.branch,
                let socket = chardevs.chardev(id: target.id) as? SocketChardev
            else { throw QMPError(.deviceNotFound, "Instance not found") }
            sockets.append(socket)
        }
        for socket in sockets { socket.yank() }
    }
}
