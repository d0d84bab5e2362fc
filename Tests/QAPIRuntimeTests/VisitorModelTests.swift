import QAPIRuntime
import XCTest

// Types written by hand exactly as the generator is meant to emit them,
// for this schema (a small copy of chardev-add's shape):
//
// { 'enum': 'Color', 'data': [ 'red', 'green',
//     { 'name': 'old-blue', 'features': [ 'deprecated' ] },
//     { 'name': 'beta', 'features': [ 'unstable' ] } ] }
// { 'struct': 'Base', 'data': { 'id': 'str' } }
// { 'struct': 'Widget', 'base': 'Base',
//   'data': { 'count': 'int', '*label': 'str', '*color': 'Color',
//             '*tags': [ 'str' ], '*extra': 'any', '*nothing': 'null',
//             '*legacy': { 'type': 'int', 'features': [ 'deprecated' ] },
//             '*trial': { 'type': 'str', 'features': [ 'unstable' ] } } }
// { 'struct': 'Retired', 'data': { 'old': { 'type': 'str', 'features': [ 'deprecated' ] } } }
// { 'enum': 'BackendKind', 'data': [ 'file', 'socket', 'null' ] }
// { 'struct': 'FileOptions', 'data': { 'out': 'str', '*append': 'bool' } }
// { 'struct': 'FileWrapper', 'data': { 'data': 'FileOptions' } }
// { 'enum': 'AddressKind', 'data': [ 'unix', 'inet' ] }
// { 'struct': 'UnixAddress', 'data': { 'path': 'str' } }
// { 'struct': 'UnixWrapper', 'data': { 'data': 'UnixAddress' } }
// { 'struct': 'InetAddress', 'data': { 'host': 'str', 'port': 'str' } }
// { 'struct': 'InetWrapper', 'data': { 'data': 'InetAddress' } }
// { 'union': 'Address', 'base': { 'type': 'AddressKind' }, 'discriminator': 'type',
//   'data': { 'unix': 'UnixWrapper', 'inet': 'InetWrapper' } }
// { 'struct': 'SocketOptions', 'data': { 'addr': 'Address', '*server': 'bool' } }
// { 'struct': 'SocketWrapper', 'data': { 'data': 'SocketOptions' } }
// { 'union': 'Backend', 'base': { 'type': 'BackendKind' }, 'discriminator': 'type',
//   'data': { 'file': 'FileWrapper', 'socket': 'SocketWrapper' } }
// { 'command': 'chardev-add', 'data': { 'id': 'str', 'backend': 'Backend' } }
// { 'union': 'Tagged', 'base': { 'name': 'str', 'kind': 'AddressKind', '*note': 'str' },
//   'discriminator': 'kind', 'data': { 'unix': 'UnixAddress' } }
// { 'struct': 'TargetSpec', 'data': { 'node': 'str', 'index': 'int' } }
// { 'alternate': 'Target', 'data': { 'name': 'str', 'spec': 'TargetSpec',
//   'index': 'int', 'flag': 'bool', 'none': 'null' } }
// { 'alternate': 'ColorOrNumber', 'data': { 'color': 'Color', 'number': 'number' } }
// { 'struct': 'Rack', 'data': { 'widgets': [ 'Widget' ], '*grid': [ [ 'int8' ] ],
//   '*targets': [ 'Target' ], '*colors': [ 'Color' ], '*shades': [ 'ColorOrNumber' ] } }
// { 'struct': 'Ints', 'data': { '*i8': 'int8', '*i16': 'int16', '*i32': 'int32',
//   '*i64': 'int', '*u8': 'uint8', '*u16': 'uint16', '*u32': 'uint32',
//   '*u64': 'uint64', '*sz': 'size', '*num': 'number', '*flag': 'bool' } }
// { 'command': 'query-nothing' }   (arguments: the empty struct NoArgs)

enum Color: QAPIEnum {
    case red
    case green
    case oldBlue
    case beta
    case unknown(String)

    static let allCases: [Color] = [.red, .green, .oldBlue, .beta]

    init?(knownName name: String) {
        switch name {
        case "red": self = .red
        case "green": self = .green
        case "old-blue": self = .oldBlue
        case "beta": self = .beta
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .red: "red"
        case .green: "green"
        case .oldBlue: "old-blue"
        case .beta: "beta"
        case .unknown(let name): name
        }
    }

    var qapiFeatures: QAPIFeatures {
        switch self {
        case .oldBlue: return .deprecated
        case .beta: return .unstable
        default: return []
        }
    }
}

struct Widget: QAPIObjectCodable, Hashable {
    var id: String
    var count: Int64
    var label: String? = nil
    var color: Color? = nil
    var tags: [String]? = nil
    var extra: JSONValue? = nil
    var nothing: QAPINull? = nil
    var legacy: Int64? = nil
    var trial: String? = nil

    init(id: String, count: Int64) {
        self.id = id
        self.count = count
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        id = try members.required("id")
        count = try members.required("count")
        label = try members.optional("label")
        color = try members.optional("color")
        tags = try members.optional("tags")
        extra = try members.optional("extra")
        nothing = try members.optional("nothing")
        legacy = try members.optional("legacy", features: .deprecated)
        trial = try members.optional("trial", features: .unstable)
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(id, "id")
        encoder.encode(count, "count")
        encoder.encode(label, "label")
        encoder.encode(color, "color")
        encoder.encode(tags, "tags")
        encoder.encode(extra, "extra")
        encoder.encode(nothing, "nothing")
        encoder.encode(legacy, "legacy")
        encoder.encode(trial, "trial")
    }
}

struct Retired: QAPIObjectCodable, Hashable {
    var old: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        old = try members.required("old", features: .deprecated)
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(old, "old")
    }
}

enum BackendKind: QAPIEnum {
    case file
    case socket
    case null
    case unknown(String)

    static let allCases: [BackendKind] = [.file, .socket, .null]

    init?(knownName name: String) {
        switch name {
        case "file": self = .file
        case "socket": self = .socket
        case "null": self = .null
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .file: "file"
        case .socket: "socket"
        case .null: "null"
        case .unknown(let name): name
        }
    }
}

struct FileOptions: QAPIObjectCodable, Hashable {
    var out: String
    var append: Bool? = nil

    init(out: String, append: Bool? = nil) {
        self.out = out
        self.append = append
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        out = try members.required("out")
        append = try members.optional("append")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(out, "out")
        encoder.encode(append, "append")
    }
}

struct FileWrapper: QAPIObjectCodable, Hashable {
    var data: FileOptions

    init(data: FileOptions) { self.data = data }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        data = try members.required("data")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(data, "data")
    }
}

enum AddressKind: QAPIEnum {
    case unix
    case inet
    case unknown(String)

    static let allCases: [AddressKind] = [.unix, .inet]

    init?(knownName name: String) {
        switch name {
        case "unix": self = .unix
        case "inet": self = .inet
        default: return nil
        }
    }

    var rawValue: String {
        switch self {
        case .unix: "unix"
        case .inet: "inet"
        case .unknown(let name): name
        }
    }
}

struct UnixAddress: QAPIObjectCodable, Hashable {
    var path: String

    init(path: String) { self.path = path }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        path = try members.required("path")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(path, "path")
    }
}

struct UnixWrapper: QAPIObjectCodable, Hashable {
    var data: UnixAddress

    init(data: UnixAddress) { self.data = data }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        data = try members.required("data")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(data, "data")
    }
}

struct InetAddress: QAPIObjectCodable, Hashable {
    var host: String
    var port: String

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        host = try members.required("host")
        port = try members.required("port")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(host, "host")
        encoder.encode(port, "port")
    }
}

struct InetWrapper: QAPIObjectCodable, Hashable {
    var data: InetAddress

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        data = try members.required("data")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(data, "data")
    }
}

struct Address: QAPIObjectCodable, Hashable {
    enum Branch: Hashable {
        case unix(UnixWrapper)
        case inet(InetWrapper)
        case unknown(String)
    }

    var branch: Branch

    var type: AddressKind {
        switch branch {
        case .unix: return .unix
        case .inet: return .inet
        case .unknown(let name): return .unknown(name)
        }
    }

    init(_ branch: Branch) { self.branch = branch }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        let type: AddressKind = try members.required("type")
        switch type {
        case .unix: branch = .unix(try UnixWrapper(qapiMembers: &members))
        case .inet: branch = .inet(try InetWrapper(qapiMembers: &members))
        case .unknown(let name):
            members.reportUnknownBranch(name)
            branch = .unknown(name)
        }
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(type, "type")
        switch branch {
        case .unix(let value): value.encodeMembers(to: &encoder)
        case .inet(let value): value.encodeMembers(to: &encoder)
        case .unknown: break
        }
    }
}

struct SocketOptions: QAPIObjectCodable, Hashable {
    var addr: Address
    var server: Bool? = nil

    init(addr: Address, server: Bool? = nil) {
        self.addr = addr
        self.server = server
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        addr = try members.required("addr")
        server = try members.optional("server")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(addr, "addr")
        encoder.encode(server, "server")
    }
}

struct SocketWrapper: QAPIObjectCodable, Hashable {
    var data: SocketOptions

    init(data: SocketOptions) { self.data = data }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        data = try members.required("data")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(data, "data")
    }
}

struct Backend: QAPIObjectCodable, Hashable {
    enum Branch: Hashable {
        case file(FileWrapper)
        case socket(SocketWrapper)
        case null
        case unknown(String)
    }

    var branch: Branch

    var type: BackendKind {
        switch branch {
        case .file: return .file
        case .socket: return .socket
        case .null: return .null
        case .unknown(let name): return .unknown(name)
        }
    }

    init(_ branch: Branch) { self.branch = branch }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        let type: BackendKind = try members.required("type")
        switch type {
        case .file: branch = .file(try FileWrapper(qapiMembers: &members))
        case .socket: branch = .socket(try SocketWrapper(qapiMembers: &members))
        case .null: branch = .null
        case .unknown(let name):
            members.reportUnknownBranch(name)
            branch = .unknown(name)
        }
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(type, "type")
        switch branch {
        case .file(let value): value.encodeMembers(to: &encoder)
        case .socket(let value): value.encodeMembers(to: &encoder)
        case .null: break
        case .unknown: break
        }
    }
}

/// The implicit arguments type of chardev-add (`q_obj_chardev-add-arg`).
struct ChardevAddArguments: QAPIObjectCodable, Hashable {
    var id: String
    var backend: Backend

    init(id: String, backend: Backend) {
        self.id = id
        self.backend = backend
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        id = try members.required("id")
        backend = try members.required("backend")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(id, "id")
        encoder.encode(backend, "backend")
    }
}

/// A union whose discriminator is not its first base member.
struct Tagged: QAPIObjectCodable, Hashable {
    enum Branch: Hashable {
        case unix(UnixAddress)
        case inet
        case unknown(String)
    }

    var name: String
    var note: String? = nil
    var branch: Branch

    var kind: AddressKind {
        switch branch {
        case .unix: return .unix
        case .inet: return .inet
        case .unknown(let name): return .unknown(name)
        }
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        name = try members.required("name")
        let kind: AddressKind = try members.required("kind")
        note = try members.optional("note")
        switch kind {
        case .unix: branch = .unix(try UnixAddress(qapiMembers: &members))
        case .inet: branch = .inet
        case .unknown(let name):
            members.reportUnknownBranch(name)
            branch = .unknown(name)
        }
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(name, "name")
        encoder.encode(kind, "kind")
        encoder.encode(note, "note")
        switch branch {
        case .unix(let value): value.encodeMembers(to: &encoder)
        case .inet: break
        case .unknown: break
        }
    }
}

struct TargetSpec: QAPIObjectCodable, Hashable {
    var node: String
    var index: Int64

    init(node: String, index: Int64) {
        self.node = node
        self.index = index
    }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        node = try members.required("node")
        index = try members.required("index")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(node, "node")
        encoder.encode(index, "index")
    }
}

enum Target: QAPICodable, Hashable {
    case name(String)
    case spec(TargetSpec)
    case index(Int64)
    case flag(Bool)
    case none(QAPINull)

    init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        switch decoder.kind {
        case .string: self = .name(try decoder.decode())
        case .object: self = .spec(try decoder.decode())
        case .number: self = .index(try decoder.decode())
        case .boolean: self = .flag(try decoder.decode())
        case .null: self = .none(try decoder.decode())
        default: throw decoder.noAlternateBranch("Target")
        }
    }

    func qapiEncoded() -> JSONValue {
        switch self {
        case .name(let value): return value.qapiEncoded()
        case .spec(let value): return value.qapiEncoded()
        case .index(let value): return value.qapiEncoded()
        case .flag(let value): return value.qapiEncoded()
        case .none(let value): return value.qapiEncoded()
        }
    }
}

enum ColorOrNumber: QAPICodable, Hashable {
    case color(Color)
    case number(Double)

    init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        switch decoder.kind {
        case .string: self = .color(try decoder.decode())
        case .number: self = .number(try decoder.decode())
        default: throw decoder.noAlternateBranch("ColorOrNumber")
        }
    }

    func qapiEncoded() -> JSONValue {
        switch self {
        case .color(let value): return value.qapiEncoded()
        case .number(let value): return value.qapiEncoded()
        }
    }
}

struct Rack: QAPIObjectCodable, Hashable {
    var widgets: [Widget]
    var grid: [[Int8]]? = nil
    var targets: [Target]? = nil
    var colors: [Color]? = nil
    var shades: [ColorOrNumber]? = nil

    init(widgets: [Widget]) { self.widgets = widgets }

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        widgets = try members.required("widgets")
        grid = try members.optional("grid")
        targets = try members.optional("targets")
        colors = try members.optional("colors")
        shades = try members.optional("shades")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(widgets, "widgets")
        encoder.encode(grid, "grid")
        encoder.encode(targets, "targets")
        encoder.encode(colors, "colors")
        encoder.encode(shades, "shades")
    }
}

struct Ints: QAPIObjectCodable, Hashable {
    var i8: Int8? = nil
    var i16: Int16? = nil
    var i32: Int32? = nil
    var i64: Int64? = nil
    var u8: UInt8? = nil
    var u16: UInt16? = nil
    var u32: UInt32? = nil
    var u64: UInt64? = nil
    var sz: UInt64? = nil
    var num: Double? = nil
    var flag: Bool? = nil

    init() {}

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
        i8 = try members.optional("i8")
        i16 = try members.optional("i16")
        i32 = try members.optional("i32")
        i64 = try members.optional("i64")
        u8 = try members.optional("u8")
        u16 = try members.optional("u16")
        u32 = try members.optional("u32")
        u64 = try members.optional("u64")
        sz = try members.optional("sz")
        num = try members.optional("num")
        flag = try members.optional("flag")
    }

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {
        encoder.encode(i8, "i8")
        encoder.encode(i16, "i16")
        encoder.encode(i32, "i32")
        encoder.encode(i64, "i64")
        encoder.encode(u8, "u8")
        encoder.encode(u16, "u16")
        encoder.encode(u32, "u32")
        encoder.encode(u64, "u64")
        encoder.encode(sz, "sz")
        encoder.encode(num, "num")
        encoder.encode(flag, "flag")
    }
}

/// The arguments of a command without `data` (`q_empty`).
struct NoArgs: QAPIObjectCodable, Hashable {
    init() {}

    init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {}

    func encodeMembers(to encoder: inout QAPIObjectEncoder) {}
}

/// Decodes `json` as the root of a visit, as a command marshaller does.
func decode<T: QAPIDecodable>(
    _ type: T.Type, _ json: String, policy: QAPICompatPolicy = QAPICompatPolicy()
) throws -> T {
    let parsed = try JSONValue(parsing: json)
    return try QAPIDecoder.decode(T.self, from: parsed, policy: policy)
}

/// The error text decoding `json` as `T` produces, or a test failure
/// when it succeeds.
func decodingError<T: QAPIDecodable>(
    _ type: T.Type, _ json: String, policy: QAPICompatPolicy = QAPICompatPolicy(),
    file: StaticString = #filePath, line: UInt = #line
) -> String? {
    do {
        let decoded = try decode(T.self, json, policy: policy)
        XCTFail("decoded \(decoded) from \(json)", file: file, line: line)
        return nil
    } catch let error as QMPError {
        XCTAssertEqual(error.errorClass, .genericError, file: file, line: line)
        return error.desc
    } catch {
        XCTFail("unexpected error \(error) for \(json)", file: file, line: line)
        return nil
    }
}

/// Decodes `json` as `T`, encodes the result and returns it as compact
/// JSON text.
func roundTrip<T: QAPICodable>(_ type: T.Type, _ json: String) throws -> String {
    try decode(T.self, json).qapiEncoded().description
}

/// The models decode, and encode back in schema order with absent
/// optional members left out.
final class VisitorModelTests: XCTestCase {
    func testChardevAddRoundTrip() throws {
        let text =
            #"{"id": "c0", "backend": {"type": "socket", "data": {"addr": {"type": "unix", "data": {"path": "/tmp/s"}}, "server": true}}}"#
        XCTAssertEqual(try roundTrip(ChardevAddArguments.self, text), text)
        let decoded = try decode(ChardevAddArguments.self, text)
        let socket = SocketOptions(addr: Address(.unix(UnixWrapper(data: UnixAddress(path: "/tmp/s")))), server: true)
        XCTAssertEqual(decoded, ChardevAddArguments(id: "c0", backend: Backend(.socket(SocketWrapper(data: socket)))))
    }

    func testOutputKeepsSchemaOrderWhateverTheInputOrder() throws {
        XCTAssertEqual(
            try roundTrip(
                ChardevAddArguments.self,
                #"{"backend": {"data": {"out": "f", "append": false}, "type": "file"}, "id": "x"}"#),
            #"{"id": "x", "backend": {"type": "file", "data": {"out": "f", "append": false}}}"#)
        XCTAssertEqual(
            try roundTrip(Widget.self, #"{"tags": [], "count": 2, "id": "w", "label": "l"}"#),
            #"{"id": "w", "count": 2, "label": "l", "tags": []}"#)
    }

    func testAbsentOptionalMembersAreOmitted() throws {
        XCTAssertEqual(try roundTrip(Widget.self, #"{"id": "w", "count": -1}"#), #"{"id": "w", "count": -1}"#)
        XCTAssertEqual(Widget(id: "a", count: 1).qapiEncoded().description, #"{"id": "a", "count": 1}"#)
        XCTAssertEqual(try roundTrip(NoArgs.self, "{}"), "{}")
    }

    func testUnionBranchWithoutMembers() throws {
        XCTAssertEqual(try decode(Backend.self, #"{"type": "null"}"#), Backend(.null))
        XCTAssertEqual(try roundTrip(Backend.self, #"{"type": "null"}"#), #"{"type": "null"}"#)
    }

    func testUnionWithDiscriminatorInsideTheBase() throws {
        let text = #"{"name": "n", "kind": "unix", "note": "x", "path": "/p"}"#
        XCTAssertEqual(try roundTrip(Tagged.self, text), text)
        XCTAssertEqual(try roundTrip(Tagged.self, #"{"kind": "inet", "name": "n"}"#), #"{"name": "n", "kind": "inet"}"#)
    }

    func testEveryMemberKindRoundTrips() throws {
        let widget =
            #"{"id": "w", "count": 9223372036854775807, "label": "é\"", "color": "old-blue", "tags": ["a", "b"], "extra": {"k": [1, 2.5, null, true, "s", {}]}, "nothing": null, "legacy": -9223372036854775808, "trial": "t"}"#
        XCTAssertEqual(try roundTrip(Widget.self, widget), widget.replacingOccurrences(of: "é", with: "\\u00E9"))
        let rack =
            #"{"widgets": [], "grid": [[], [-128, 127]], "targets": ["s", {"node": "n", "index": 1}, 2, false, null], "colors": ["red", "beta"], "shades": ["green", 1.5]}"#
        XCTAssertEqual(try roundTrip(Rack.self, rack), rack)
    }

    func testIntegersRoundTripAtTheirLimits() throws {
        let ints =
            #"{"i8": -128, "i16": 32767, "i32": -2147483648, "i64": 9223372036854775807, "u8": 255, "u16": 65535, "u32": 4294967295, "u64": 18446744073709551615, "sz": 18446744073709551615, "num": -0.5, "flag": true}"#
        XCTAssertEqual(try roundTrip(Ints.self, ints), ints)
        var value = Ints()
        value.u64 = UInt64(Int64.max) + 1
        value.num = 3
        XCTAssertEqual(value.qapiEncoded().description, #"{"u64": 9223372036854775808, "num": 3}"#)
    }

    func testBuiltinsEncodeDirectly() {
        XCTAssertEqual("s".qapiEncoded(), .string("s"))
        XCTAssertEqual(true.qapiEncoded(), .bool(true))
        XCTAssertEqual(Int64(-3).qapiEncoded(), .int(-3))
        XCTAssertEqual(Int8(-3).qapiEncoded(), .int(-3))
        XCTAssertEqual(UInt32.max.qapiEncoded(), .int(4_294_967_295))
        XCTAssertEqual(UInt64.max.qapiEncoded(), .uint(UInt64.max))
        XCTAssertEqual(UInt64(5).qapiEncoded(), .int(5))
        XCTAssertEqual(1.5.qapiEncoded(), .double(1.5))
        XCTAssertEqual(QAPINull().qapiEncoded(), .null)
        XCTAssertEqual(JSONValue.array([1, "a"]).qapiEncoded(), .array([1, "a"]))
        XCTAssertEqual([Color.red, .green].qapiEncoded(), .array(["red", "green"]))
    }
}
