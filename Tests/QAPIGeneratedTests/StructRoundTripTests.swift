import QAPIRuntime
import XCTest

/// Generated structs: bases, optional members, every builtin, lists,
/// keyword and look-alike member names, recursion.
final class StructRoundTripTests: XCTestCase {
    func testBaseMembersComeFirstThroughEveryLevel() {
        assertRoundTrip(Thing(id: "t1"), #"{"id": "t1"}"#)
        assertRoundTrip(Tool(id: "saw", weight: 900, shade: .light), #"{"id": "saw", "weight": 900, "shade": "light"}"#)
        assertRoundTrip(
            PowerTool(id: "drill", weight: 1500, shade: .dark, watts: 700, cordless: true),
            #"{"id": "drill", "weight": 1500, "shade": "dark", "watts": 700, "cordless": true}"#)
        // A base defined after the struct, and a member type from a sub-module.
        assertRoundTrip(
            Material(amount: 2.5, grade: -3, origin: Origin(country: "NO", label: .blueTag)),
            #"{"amount": 2.5, "grade": -3, "origin": {"country": "NO", "label": "blue-tag"}}"#)
    }

    func testAbsentOptionalMembersAreLeftOut() {
        assertRoundTrip(PowerTool(id: "file", weight: 80, watts: 0), #"{"id": "file", "weight": 80, "watts": 0}"#)
        assertRoundTrip(OptionalScalars(), "{}")
        assertRoundTrip(Ranges(), "{}")
        assertRoundTrip(Origin(country: "SE"), #"{"country": "SE"}"#)
    }

    func testInputOrderDoesNotMatter() {
        let tool = decoded(PowerTool.self, #"{"cordless": false, "watts": 5, "weight": 6, "id": "x"}"#)
        XCTAssertEqual(tool, PowerTool(id: "x", weight: 6, watts: 5, cordless: false))
        XCTAssertEqual(tool.map(wire), #"{"id": "x", "weight": 6, "watts": 5, "cordless": false}"#)
    }

    func testEmptyStructs() {
        assertRoundTrip(Blank(), "{}")
        assertRoundTrip(BlankToo(), "{}")
    }

    func testEveryBuiltinRequired() {
        let value = Scalars(
            s: "text", i: -1, i8: -8, i16: -16, i32: -32, i64: -64, u8: 8, u16: 16, u32: 32,
            u64: .max, sz: 4096, num: 0.5, flag: false, nothing: QAPINull(), blob: ["any": [1, "two", nil]])
        assertRoundTrip(
            value,
            #"{"s": "text", "i": -1, "i8": -8, "i16": -16, "i32": -32, "i64": -64, "u8": 8, "u16": 16, "u32": 32, "u64": 18446744073709551615, "sz": 4096, "num": 0.5, "flag": false, "nothing": null, "blob": {"any": [1, "two", null]}}"#
        )
    }

    func testEveryBuiltinOptional() {
        let value = OptionalScalars(
            s: "", i: 0, i8: 0, i16: 0, i32: 0, i64: 0, u8: 0, u16: 0, u32: 0, u64: 0, sz: 0, num: -0.25,
            flag: true, nothing: QAPINull(), blob: .null)
        assertRoundTrip(
            value,
            #"{"s": "", "i": 0, "i8": 0, "i16": 0, "i32": 0, "i64": 0, "u8": 0, "u16": 0, "u32": 0, "u64": 0, "sz": 0, "num": -0.25, "flag": true, "nothing": null, "blob": null}"#
        )
        // 'any' keeps whatever it was given, null included.
        XCTAssertEqual(decoded(OptionalScalars.self, #"{"blob": null}"#)?.blob, .null)
        XCTAssertEqual(decoded(OptionalScalars.self, #"{"blob": [{}]}"#)?.blob, [[:]])
        XCTAssertNil(decoded(OptionalScalars.self, "{}")?.blob)
    }

    func testListsOfEveryKind() {
        let value = Lists(
            s: ["a", "b"], i: [1, -1], i8: [-128, 127], i16: [-32768, 32767], i32: [-2147483648, 2147483647],
            i64: [.min, .max], u8: [0, 255], u16: [65535], u32: [4294967295], u64: [0, .max], sz: [1],
            num: [1.5, -2], flag: [true, false], nothing: [QAPINull(), QAPINull()], blob: [1, [:]],
            shades: [.twoTone], tools: [Tool(id: "awl", weight: 30)],
            items: [Item(label: "x", branch: .case)], settings: [.flag(false), .many([])], labels: [.redTag],
            gauges: [.surely, .fine], tinies: [.none(QAPINull()), .small(1)])
        assertRoundTrip(
            value,
            #"{"s": ["a", "b"], "i": [1, -1], "i8": [-128, 127], "i16": [-32768, 32767], "i32": [-2147483648, 2147483647], "i64": [-9223372036854775808, 9223372036854775807], "u8": [0, 255], "u16": [65535], "u32": [4294967295], "u64": [0, 18446744073709551615], "sz": [1], "num": [1.5, -2], "flag": [true, false], "nothing": [null, null], "blob": [1, {}], "shades": ["two-tone"], "tools": [{"id": "awl", "weight": 30}], "items": [{"kind": "case", "label": "x"}], "settings": [false, []], "labels": ["red-tag"], "gauges": ["surely", "fine"], "tinies": [null, 1]}"#
        )
        let empty = Lists(
            s: [], i: [], i8: [], i16: [], i32: [], i64: [], u8: [], u16: [], u32: [], u64: [], sz: [], num: [],
            flag: [])
        assertRoundTrip(
            empty,
            #"{"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": []}"#
        )
    }

    func testListsInsideLists() {
        let grid = Grid(
            rows: [Row(cells: [1, 2]), Row(cells: [], shades: [.dark], sub: [Row(cells: [-1], sub: [])])],
            cells: [.many([1, 2]), .many([]), .number(3.5)])
        assertRoundTrip(
            grid,
            #"{"rows": [{"cells": [1, 2]}, {"cells": [], "shades": ["dark"], "sub": [{"cells": [-1], "sub": []}]}], "cells": [[1, 2], [], 3.5]}"#
        )
        assertRoundTrip(SizeOrRows.rows([Row(cells: [7])]), #"[{"cells": [7]}]"#)
    }

    func testMembersNamedAfterSwiftKeywords() throws {
        let value = Keywords(
            default: 1, protocol: "p", class: true, in: 2, self_: "me", type: .dark, init_: 3, `inout`: 4, var: 5,
            let: 6, some: 7, any: 8, await: 9, async: "a", func: 10, return: 11, is: false, as: 12,
            nil: QAPINull(), true: true, hashValue_: 13, qapiEncoded_: 14, encodeMembers_: 15, hash_: 16,
            branch_: 17, wcharT: 18, unsigned: 19, members: 20, discriminator: 21)
        assertRoundTrip(
            value,
            #"{"default": 1, "protocol": "p", "class": true, "in": 2, "self": "me", "type": "dark", "init": 3, "inout": 4, "var": 5, "let": 6, "some": 7, "any": 8, "await": 9, "async": "a", "func": 10, "return": 11, "is": false, "as": 12, "nil": null, "true": true, "hash-value": 13, "qapi-encoded": 14, "encode-members": 15, "hash": 16, "branch": 17, "wchar-t": 18, "unsigned": 19, "members": 20, "discriminator": 21}"#
        )
        // The members the renamed properties would have clashed with.
        XCTAssertEqual(value.qapiEncoded()["hash"], 16)
        guard case .object(var members) = value.qapiEncoded() else { return XCTFail("not an object") }
        members["hash"] = 99
        let changed = try QAPIDecoder.decode(Keywords.self, from: .object(members))
        XCTAssertEqual(changed.hash_, 99)
        XCTAssertNotEqual(changed, value)
        XCTAssertEqual(value.self_, "me")
        XCTAssertEqual(value.init_, 3)
        // Members named like the decoder's own names (its parameter
        // `members`, its local `discriminator`).
        XCTAssertEqual(value.members, 20)
        XCTAssertEqual(value.discriminator, 21)
    }

    func testLookAlikeMemberNamesStayDistinct() {
        let value = LegacyRecord(
            serialNo: 1, serialno: 2, serial: 3, nodeName: "a", nodename: "b", xNode: 4, xnode: 5, inIt: 6,
            iS: true, selfRef: 7, mixedCase: "m", self_: 8)
        assertRoundTrip(
            value,
            #"{"serial_no": 1, "serialno": 2, "SERIAL": 3, "node-name": "a", "nodename": "b", "x-node": 4, "xnode": 5, "in-it": 6, "i-s": true, "self-ref": 7, "Mixed-Case": "m", "Self": 8}"#
        )
        // Both branch types have a member that C would call serial_no.
        assertRoundTrip(Text(text: "t", serialNo: 1), #"{"text": "t", "serial_no": 1}"#)
        assertRoundTrip(Signed(text: "t", signer: "s", serialNo: 2), #"{"text": "t", "signer": "s", "serial-no": 2}"#)
    }

    func testTypesNamedLikeSwiftTypes() {
        assertRoundTrip(String(str: "s"), #"{"str": "s"}"#)
        assertRoundTrip(
            Type_(name: "n", type: "t", of: String(str: "x")), #"{"name": "n", "type": "t", "of": {"str": "x"}}"#)
        assertRoundTrip(Hashable(hash_: 1, kind: .unix), #"{"hash": 1, "kind": "unix"}"#)
        assertRoundTrip(JSONObject(keys: ["a", "b"]), #"{"keys": ["a", "b"]}"#)
    }

    func testTypesThatContainThemselves() {
        let folder = Folder(
            name: "root", parent: Folder(name: "up", parent: Folder(name: "top")),
            children: [Folder(name: "a", children: []), Folder(name: "b")])
        assertRoundTrip(
            folder,
            #"{"name": "root", "parent": {"name": "up", "parent": {"name": "top"}}, "children": [{"name": "a", "children": []}, {"name": "b"}]}"#
        )
        XCTAssertEqual(folder.parent?.parent?.name, "top")
        let tree = Tree.node(TreeNode(left: .leaf(1), right: .node(TreeNode(left: .leaf(2), right: .leaf(3)))))
        assertRoundTrip(tree, #"{"left": 1, "right": {"left": 2, "right": 3}}"#)
        assertRoundTrip(Tree.leaf(-4), "-4")
        assertRoundTrip(
            PeerInfo(label: .redTag, peers: [PeerInfo(label: .noTag, peers: [])]),
            #"{"label": "red-tag", "peers": [{"label": "no-tag", "peers": []}]}"#)
    }

    func testOptionalListsAndScalars() {
        assertRoundTrip(
            Ranges(i64: [3, -5], u64: [2], u16: [1, 7], i64x: -1, u64x: 9),
            #"{"i64": [3, -5], "u64": [2], "u16": [1, 7], "i64x": -1, "u64x": 9}"#)
    }

    func testSubModuleTypes() {
        assertRoundTrip(Leftovers(kept: 1, forgotten: "f"), #"{"kept": 1, "forgotten": "f"}"#)
        assertRoundTrip(SchemaEntry(name: "ping", metaType: "command"), #"{"name": "ping", "meta-type": "command"}"#)
    }

    func testFeatureCarryingStructs() {
        assertRoundTrip(NoFeatures(x: 1), #"{"x": 1}"#)
        assertRoundTrip(OddFeatures(namespaceTest: 2), #"{"namespace-test": 2}"#)
        assertRoundTrip(CondFeatures(x: 3), #"{"x": 3}"#)
        assertRoundTrip(
            Deprecations(
                plain: 1, old: 2, trial: "t", both: true, maybeOld: 4, oldRequired: 3, newGauge: .fine,
                trialList: [.risky, .coarse]),
            #"{"plain": 1, "old": 2, "trial": "t", "both": true, "maybe-old": 4, "old-required": 3, "new-gauge": "fine", "trial-list": ["risky", "coarse"]}"#
        )
        // The default policy accepts everything.
        XCTAssertNotNil(decoded(Deprecations.self, #"{"old-required": 1, "both": false, "new-gauge": "risky"}"#))
    }

    func testConditionalMembers() {
        // alpha (CONFIG_ALPHA), beta (CONFIG_BETA), not-gamma (not CONFIG_GAMMA) exist.
        assertRoundTrip(
            CondStruct(always: 1, alpha: 2, beta: "b", notGamma: true),
            #"{"always": 1, "alpha": 2, "beta": "b", "not-gamma": true}"#)
        XCTAssertEqual(decodingError(CondStruct.self, #"{"always": 1}"#), "Parameter 'alpha' is missing")
        XCTAssertEqual(
            decodingError(CondStruct.self, #"{"always": 1, "alpha": 2, "gamma": "g"}"#),
            "Parameter 'gamma' is unexpected")
        XCTAssertEqual(
            decodingError(CondStruct.self, #"{"always": 1, "alpha": 2, "not-alpha": true}"#),
            "Parameter 'not-alpha' is unexpected")
        assertRoundTrip(Commands.CondArgs.Arguments(always: 1, sometimes: 2), #"{"always": 1, "sometimes": 2}"#)
        XCTAssertEqual(
            decodingError(Commands.CondArgs.Arguments.self, #"{"always": 1, "never": 2}"#),
            "Parameter 'never' is unexpected")
    }

    func testDownstreamNames() {
        let value = __org_example_Struct(orgExampleMember1: .orgExampleValue, orgExampleMember2: "m", wcharT: 1)
        assertRoundTrip(
            value, #"{"__org.example_member1": "__org.example_value", "__org.example_member2": "m", "wchar-t": 1}"#)
        assertRoundTrip(__org_example_Base(orgExampleMember1: .plain), #"{"__org.example_member1": "plain"}"#)
    }
}
