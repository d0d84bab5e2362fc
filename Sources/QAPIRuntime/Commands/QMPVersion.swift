/// A QMP server's version: the `query-version` result and the greeting's
/// `version` member (spec G3), `{"qemu": {"major", "minor", "micro"},
/// "package": …}`.
public struct QMPVersion: Sendable, Hashable, CustomStringConvertible {
    /// The major version.
    public var major: Int64
    /// The minor version.
    public var minor: Int64
    /// The micro version; by QEMU's convention 50 and above is a
    /// development build, 90 and above a release candidate.
    public var micro: Int64
    /// The package string (`""` upstream; distributions put their build
    /// there).
    public var package: String

    /// A version from its parts.
    public init(major: Int64, minor: Int64, micro: Int64, package: String = "") {
        self.major = major
        self.minor = minor
        self.micro = micro
        self.package = package
    }

    /// The wire form, members in QEMU's insertion order (write it with
    /// `JSONWriter(memberOrder: .qdict)` for QEMU's bytes).
    public var json: JSONValue {
        var triple = JSONObject()
        triple.appendNew("major", .int(major))
        triple.appendNew("minor", .int(minor))
        triple.appendNew("micro", .int(micro))
        var object = JSONObject()
        object.appendNew("qemu", .object(triple))
        object.appendNew("package", .string(package))
        return .object(object)
    }

    /// Reads the wire form; nil when a member is missing or of the wrong
    /// kind (other members are ignored).
    public init?(json: JSONValue) {
        guard let major = json["qemu"]?["major"]?.int64Value, let minor = json["qemu"]?["minor"]?.int64Value,
            let micro = json["qemu"]?["micro"]?.int64Value, let package = json["package"]?.stringValue
        else { return nil }
        self.init(major: major, minor: minor, micro: micro, package: package)
    }

    /// `major.minor.micro`, and the package in parentheses when there is one.
    public var description: String {
        "\(major).\(minor).\(micro)" + (package.isEmpty ? "" : " (\(package))")
    }
}
