import QAPIRuntime
import XCTest

/// Generated flat unions (branch enum, derived discriminator) and
/// alternates (chosen by JSON kind).
final class UnionAlternateRoundTripTests: XCTestCase {
    func testEveryBranchOfAUnionWithAnInlineBase() {
        let tool = Item(label: "hammer", count: 2, branch_: "b", branch: .tool(Tool(id: "h", weight: 500)))
        assertRoundTrip(
            tool, #"{"kind": "tool", "label": "hammer", "count": 2, "branch": "b", "id": "h", "weight": 500}"#)
        XCTAssertEqual(tool.kind, .tool)
        let power = Item(label: "drill", branch: .powerTool(PowerTool(id: "d", weight: 2, watts: 3)))
        assertRoundTrip(power, #"{"kind": "power-tool", "label": "drill", "id": "d", "weight": 2, "watts": 3}"#)
        XCTAssertEqual(power.kind, .powerTool)
        let material = Item(label: "oak", branch: .material(Material(amount: 1, grade: 2)))
        assertRoundTrip(material, #"{"kind": "material", "label": "oak", "amount": 1, "grade": 2}"#)
        // A branch whose type has no members, and a branch left out.
        assertRoundTrip(Item(label: "misc", branch: .default(Blank())), #"{"kind": "default", "label": "misc"}"#)
        assertRoundTrip(Item(label: "bag", count: 1, branch: .case), #"{"kind": "case", "label": "bag", "count": 1}"#)
        XCTAssertEqual(Item(label: "bag", branch: .case).kind, .case)
        // A conditional branch that is built (CONFIG_ALPHA).
        let gizmo = Item(label: "g", branch: .gizmo(Gizmo(gears: 3)))
        assertRoundTrip(gizmo, #"{"kind": "gizmo", "label": "g", "gears": 3}"#)
        XCTAssertEqual(gizmo.kind, .gizmo)
    }

    func testUnionsInsideListsInsideUnions() {
        let crate = Item(
            label: "box",
            branch: .crate(
                Crate(contents: [
                    Item(label: "inner", branch: .crate(Crate(contents: [], sealed: true))),
                    Item(label: "saw", branch: .tool(Tool(id: "s", weight: 1))),
                ])))
        assertRoundTrip(
            crate,
            #"{"kind": "crate", "label": "box", "contents": [{"kind": "crate", "label": "inner", "contents": [], "sealed": true}, {"kind": "tool", "label": "saw", "id": "s", "weight": 1}]}"#
        )
    }

    func testAUnionWithANamedBaseThatHasABase() {
        assertRoundTrip(
            Note(id: "n1", pages: 2, branch: .plain(Text(text: "hi", serialNo: 5))),
            #"{"id": "n1", "form": "plain", "pages": 2, "text": "hi", "serial_no": 5}"#)
        // Two branches of the same type keep their own discriminator value.
        let signed = Note(id: "n2", branch: .signed(Signed(text: "a", signer: "b")))
        let countersigned = Note(id: "n2", branch: .countersigned(Signed(text: "a", signer: "b")))
        assertRoundTrip(signed, #"{"id": "n2", "form": "signed", "text": "a", "signer": "b"}"#)
        assertRoundTrip(countersigned, #"{"id": "n2", "form": "countersigned", "text": "a", "signer": "b"}"#)
        XCTAssertNotEqual(signed, countersigned)
        XCTAssertEqual(countersigned.form, .countersigned)
        assertRoundTrip(Note(id: "n3", branch: .empty), #"{"id": "n3", "form": "empty"}"#)
    }

    func testAUnionInsideAUnion() {
        let triangle = Shape(name: "tri", branch: .angular(Angular(branch: .three(Triangle(a: 3, b: 4, c: 5.5)))))
        assertRoundTrip(triangle, #"{"kind": "angular", "name": "tri", "corners": "three", "a": 3, "b": 4, "c": 5.5}"#)
        assertRoundTrip(Shape(branch: .round(Circle(radius: 0.5))), #"{"kind": "round", "radius": 0.5}"#)
        assertRoundTrip(Angular(branch: .four(Square(side: 2))), #"{"corners": "four", "side": 2}"#)
        XCTAssertEqual(triangle.kind, .angular)
    }

    func testAUnionWithoutBranches() {
        let marker = Marker(at: 5, branch: .twoTone)
        assertRoundTrip(marker, #"{"type": "two-tone", "at": 5}"#)
        XCTAssertEqual(marker.type, .twoTone)
        assertRoundTrip(Marker(branch: .light), #"{"type": "light"}"#)
    }

    func testAUnionOverValuesWithFeatures() {
        assertRoundTrip(Measurement(branch: .coarse(Stock(amount: 1.25))), #"{"gauge": "coarse", "amount": 1.25}"#)
        assertRoundTrip(Measurement(branch: .ancient(Text(text: "eye"))), #"{"gauge": "ancient", "text": "eye"}"#)
        assertRoundTrip(Measurement(branch: .fine), #"{"gauge": "fine"}"#)
        assertRoundTrip(Measurement(branch: .extra), #"{"gauge": "extra"}"#)
    }

    func testBranchesNamedAfterSwiftKeywords() {
        assertRoundTrip(KeywordUnion(branch: .true(Text(text: "t"))), #"{"type": "true", "text": "t"}"#)
        assertRoundTrip(KeywordUnion(branch: .default(Stock(amount: 1))), #"{"type": "default", "amount": 1}"#)
        assertRoundTrip(KeywordUnion(branch: .self_(Blank())), #"{"type": "self"}"#)
        assertRoundTrip(KeywordUnion(branch: .case(Circle(radius: 2))), #"{"type": "case", "radius": 2}"#)
        // Every other value is a branch without members.
        for value in Keyword.allCases where ![.true, .default, .self_, .case].contains(value) {
            let union = decoded(KeywordUnion.self, #"{"type": "\#(value.rawValue)"}"#)
            XCTAssertEqual(union?.type, value)
            XCTAssertEqual(union.map(wire), #"{"type": "\#(value.rawValue)"}"#)
        }
        XCTAssertEqual(KeywordUnion(branch: .nil).type, .nil)
        XCTAssertEqual(KeywordUnion(branch: .rawValue_).type, .rawValue_)
        // Base members named like the decoder's own names.
        let named = KeywordUnion(members: 1, discriminator: "d", branch: .case(Circle(radius: 3)))
        assertRoundTrip(named, #"{"type": "case", "members": 1, "discriminator": "d", "radius": 3}"#)
        XCTAssertEqual(named.members, 1)
        XCTAssertEqual(named.discriminator, "d")
    }

    func testConditionalUnion() {
        assertRoundTrip(
            CondUnion(note: "n", branch: .base(Thing(id: "x"))), #"{"type": "base", "note": "n", "id": "x"}"#)
        assertRoundTrip(CondUnion(branch: .alpha(Circle(radius: 1))), #"{"type": "alpha", "radius": 1}"#)
        XCTAssertEqual(
            decodingError(CondUnion.self, #"{"type": "gamma", "side": 1}"#),
            "Parameter 'type' does not accept value 'gamma'")
    }

    func testDownstreamUnionAndAlternates() {
        let union = __org_example_Union(
            branch: .orgExampleValue(
                __org_example_Holder(array: [
                    __org_example_Union(branch: .plain)
                ])))
        assertRoundTrip(
            union, #"{"__org.example_member1": "__org.example_value", "array": [{"__org.example_member1": "plain"}]}"#)
        XCTAssertEqual(union.orgExampleMember1, .orgExampleValue)
        assertRoundTrip(__org_example_Only.orgExampleBranch("x"), #""x""#)
        assertRoundTrip(
            __org_example_Alt.orgExampleBranch(__org_example_Base(orgExampleMember1: .plain)),
            #"{"__org.example_member1": "plain"}"#)
    }

    func testAnAlternateWithABranchForEveryJSONKind() {
        assertRoundTrip(Setting.text(.dark), #""dark""#)
        assertRoundTrip(Setting.number(2.5), "2.5")
        assertRoundTrip(Setting.flag(true), "true")
        assertRoundTrip(Setting.off(QAPINull()), "null")
        assertRoundTrip(Setting.detail(Tool(id: "a", weight: 1)), #"{"id": "a", "weight": 1}"#)
        assertRoundTrip(Setting.many([1, 2]), "[1, 2]")
        // Every number goes to the 'number' branch.
        XCTAssertEqual(decoded(Setting.self, "7"), .number(7))
        XCTAssertEqual(decoded(Setting.self, "18446744073709551615"), .number(Double(UInt64.max)))
        XCTAssertEqual(decoded(Setting.self, "-1e3"), .number(-1000))
    }

    func testAlternatesChooseByKind() {
        XCTAssertEqual(decoded(ShadeOrLevel.self, #""light""#), .shade(.light))
        XCTAssertEqual(decoded(ShadeOrLevel.self, "12"), .level(12))
        XCTAssertEqual(decoded(FlagOrShade.self, "false"), .flag(false))
        XCTAssertEqual(decoded(FlagOrShade.self, #""two-tone""#), .shade(.twoTone))
        XCTAssertEqual(decoded(ItemOrName.self, #""n""#), .name("n"))
        XCTAssertEqual(
            decoded(ItemOrName.self, #"{"kind": "case", "label": "l"}"#), .item(Item(label: "l", branch: .case)))
        XCTAssertEqual(decoded(SizeOrRows.self, "18446744073709551615"), .size(.max))
        XCTAssertEqual(decoded(SizeOrRows.self, "[]"), .rows([]))
        XCTAssertEqual(decoded(Tiny.self, "-128"), .small(-128))
        XCTAssertEqual(decoded(Tiny.self, "null"), Tiny.none(QAPINull()))
        XCTAssertEqual(decoded(CondAlternate.self, "5"), .num(5))
        XCTAssertEqual(decoded(CondAlternate.self, #"{"id": "x"}"#), .obj(Thing(id: "x")))
        XCTAssertEqual(
            decoded(FeatureAlternate.self, #"{"old-required": 1}"#), .deprecations(Deprecations(oldRequired: 1)))
        // A negative size wraps, like any uint64.
        XCTAssertEqual(decoded(SizeOrRows.self, "-1"), .size(.max))
        XCTAssertEqual(decoded(SizeOrRows.self, "-1").map(wire), "18446744073709551615")
    }

    func testAlternateBranchesNamedAfterSwiftKeywords() {
        assertRoundTrip(KeywordAlternate.true(true), "true")
        assertRoundTrip(KeywordAlternate.default(.light), #""light""#)
        assertRoundTrip(KeywordAlternate.nil(QAPINull()), "null")
        assertRoundTrip(KeywordAlternate.self_(5), "5")
    }
}
