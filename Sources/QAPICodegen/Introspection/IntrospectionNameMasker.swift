/// Gives type names their `query-qmp-schema` form: numbers `"0"`, `"1"`,
/// ... in order of first request (QEMU hides type names so that clients
/// look at commands and events), or the names themselves when unmasked.
struct IntrospectionNameMasker {
    /// Whether names are kept as they are.
    let unmask: Bool
    private var numbers: [String: String] = [:]

    /// A masker; `unmask` keeps names as they are.
    init(unmask: Bool) {
        self.unmask = unmask
    }

    /// The public name of the type `name`, numbering it if it is new.
    mutating func publicName(_ name: String) -> String {
        if unmask { return name }
        if let number = numbers[name] { return number }
        let number = String(numbers.count)
        numbers[name] = number
        return number
    }
}
