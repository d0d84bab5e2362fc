/// A QEMU-style option value, `first,key=value,key=value`: commas
/// separate parts, `,,` is a literal comma, a leading part without `=`
/// gives the option's implied key, and a later part without `=` is a
/// boolean switched on (`server`); `nowait` and `noserver` switch one off.
struct OptionList {
    /// The parts as key and value, in order.
    private(set) var pairs: [(key: String, value: String)] = []

    /// Parses `text`; `impliedKey` names a leading part without `=`. An
    /// empty text has no parts at all, so `-name ""` gives no name.
    init(parsing text: String, impliedKey: String?) throws(MonitorCommandLine.Failure) {
        guard !text.isEmpty else { return }
        for (index, part) in Self.split(text).enumerated() {
            if let equals = part.firstIndex(of: "=") {
                pairs.append((String(part[..<equals]), String(part[part.index(after: equals)...])))
            } else if index == 0, let impliedKey {
                pairs.append((impliedKey, part))
            } else if part == "nowait" || part == "noserver" {
                pairs.append((String(part.dropFirst(2)), "off"))
            } else if !part.isEmpty {
                pairs.append((part, "on"))
            }
        }
    }

    /// The last value given for `key`.
    func value(_ key: String) -> String? {
        pairs.last { $0.key == key }?.value
    }

    /// The keys given that are not in `known`, in order.
    func unknownKeys(_ known: Set<String>) -> [String] {
        pairs.map(\.key).filter { !known.contains($0) }
    }

    /// `key` as a boolean (`on`, `yes`, `true`, `y` / `off`, `no`,
    /// `false`, `n`), nil when absent.
    func bool(_ key: String) throws(MonitorCommandLine.Failure) -> Bool? {
        guard let text = value(key) else { return nil }
        switch text {
        case "on", "yes", "true", "y": return true
        case "off", "no", "false", "n": return false
        default: throw MonitorCommandLine.Failure("Parameter '\(key)' expects 'on' or 'off'")
        }
    }

    /// `key` as an integer, nil when absent.
    func integer(_ key: String) throws(MonitorCommandLine.Failure) -> Int64? {
        guard let text = value(key) else { return nil }
        guard let number = Int64(text) else { throw MonitorCommandLine.Failure("Parameter '\(key)' expects a number") }
        return number
    }

    /// Splits at single commas; `,,` stands for a comma.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "," {
                if pending == "," {
                    current.append(",")
                    pending = characters.next()
                } else {
                    parts.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
