import QAPIRuntime

// `query-version` as the generator emits it, written by hand so that the
// benchmark links only the client:
// { 'struct': 'VersionTriple', 'data': { 'major': 'int', 'minor': 'int', 'micro': 'int' } }
// { 'struct': 'VersionInfo', 'data': { 'qemu': 'VersionTriple', 'package': 'str' } }
// { 'command': 'query-version', 'returns': 'VersionInfo' }

struct VersionTriple: QAPIObjectCodable, Hashable {
    var major: Int64
    var minor: Int64
    var micro: Int64

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        major = try members.required("major")
        minor = try members.required("minor")
        micro = try members.required("micro")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(major, "major")
        encoder.encode(minor, "minor")
        encoder.encode(micro, "micro")
    }
}

struct VersionInfo: QAPIObjectCodable, Hashable {
    var qemu: VersionTriple
    var package: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        qemu = try members.required("qemu")
        package = try members.required("package")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(qemu, "qemu")
        encoder.encode(package, "package")
    }
}

enum QueryVersion: QMPInBandCommand {
    typealias Arguments = QAPIEmpty
    typealias Result = VersionInfo
    static let name = "query-version"
    static let flags: QMPCommandFlags = []
}
