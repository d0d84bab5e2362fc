import QAPIRuntime
import QMPMonitorSchema

extension MonitorServer {
    /// `chardev-add` (spec C1, C2): a taken id is reported first, before
    /// the backend is looked at; backend errors read `Failed to add
    /// chardev 'ID': ...`; a failed add leaves nothing behind. Returns
    /// what the command reports: a pseudo-terminal's path (spec C3).
    func addChardev(id: String, backend: QMPMonitorSchema.ChardevBackend) throws(QMPError) -> ChardevReturn {
        if chardevs.chardev(id: id) != nil {
            throw .generic("Chardev with id '\(id)' already exists")
        }
        do {
            let chardev = try chardevs.add(id: id, backend: try backend.chardevBackend())
            return ChardevReturn(pty: (chardev as? DescriptorChardev)?.ptyPath)
        } catch {
            switch error.kind {
            case .backend: throw .generic("Failed to add chardev '\(id)': \(error.message)")
            default: throw .generic(error.message)
            }
        }
    }

    /// `chardev-change` (spec C6): `Chardev 'ID' does not exist` when
    /// unknown; `Chardev user does not support chardev hotswap` while a
    /// frontend holds it (every frontend here is a monitor, and monitors
    /// cannot move). Otherwise the chardev is removed and a new one is
    /// added under its id, as `chardev-add` adds it: so when the new
    /// backend fails (`Failed to add chardev 'ID': ...`) the old one is
    /// gone, as in QEMU.
    func changeChardev(id: String, backend: QMPMonitorSchema.ChardevBackend) throws(QMPError) -> ChardevReturn {
        do {
            try chardevs.remove(id: id)
        } catch {
            switch error.kind {
            case .notFound: throw .generic("Chardev '\(id)' does not exist")
            default: throw .generic("Chardev user does not support chardev hotswap")
            }
        }
        return try addChardev(id: id, backend: backend)
    }

    /// The ring-buffer chardev `device`, for `ringbuf-write` and
    /// `ringbuf-read`: `Device 'ID' not found`, or `ID is not a ringbuf
    /// device`.
    func ringbuf(_ device: String) throws(QMPError) -> RingbufChardev {
        guard let chardev = chardevs.chardev(id: device) else {
            throw .generic("Device '\(device)' not found")
        }
        guard let ring = chardev as? RingbufChardev else {
            throw .generic("\(device) is not a ringbuf device")
        }
        return ring
    }
}
