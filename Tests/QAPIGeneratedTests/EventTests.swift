import QAPIRuntime
import XCTest

/// Generated events: wire names, `eventData()` (spec E1: no `data` for
/// events without data members), and the messages built from them.
final class EventTests: XCTestCase {
    private let time = QMPTimestamp(seconds: 1_700_000_000, microseconds: 42)

    /// The event message for `event`, members in insertion order.
    private func message(_ event: some QMPEvent) -> Swift.String {
        JSONWriter().string(QMPEventMessage(event, timestamp: time).json)
    }

    /// `eventData()` as compact JSON text, or `none`.
    private func data(_ event: some QMPEvent) -> Swift.String {
        event.eventData().map { JSONWriter().string(.object($0)) } ?? "none"
    }

    func testWireNames() {
        XCTAssertEqual(Events.Started.name, "STARTED")
        XCTAssertEqual(Events.ItemStored.name, "ITEM_STORED")
        XCTAssertEqual(Events.BlankBoxed.name, "BLANK_BOXED")
        XCTAssertEqual(Events.CondEventAny.name, "COND_EVENT_ANY")
        XCTAssertEqual(Events.OrgExampleFlash.name, "__ORG.EXAMPLE_FLASH")
        XCTAssertEqual(Events.KeywordEvent.name, "KEYWORD_EVENT")
        XCTAssertEqual(Events.SubEvent.name, "SUB_EVENT")
        XCTAssertEqual(Events.PeerEvent.name, "PEER_EVENT")
    }

    func testEventsWithoutDataMembersHaveNoData() {
        XCTAssertEqual(data(Events.Started()), "none")
        XCTAssertEqual(data(Events.Stopped()), "none")
        XCTAssertEqual(data(Events.OldEvent()), "none")
        XCTAssertEqual(data(Events.CondEventAny()), "none")
        XCTAssertEqual(data(Events.PeerEvent()), "none")
        XCTAssertEqual(
            message(Events.Started()),
            #"{"event": "STARTED", "timestamp": {"seconds": 1700000000, "microseconds": 42}}"#)
        // QEMU's member order on the wire (spec E1, T4).
        XCTAssertEqual(
            JSONWriter(memberOrder: .qdict).string(QMPEventMessage(Events.Stopped(), timestamp: time).json),
            #"{"timestamp": {"seconds": 1700000000, "microseconds": 42}, "event": "STOPPED"}"#)
    }

    func testEventsWithDataMembers() {
        let stored = Events.ItemStored(
            item: Item(label: "saw", branch: .tool(Tool(id: "s", weight: 2))), where: "shelf", at: 5)
        XCTAssertEqual(
            data(stored),
            #"{"item": {"kind": "tool", "label": "saw", "id": "s", "weight": 2}, "where": "shelf", "at": 5}"#)
        XCTAssertEqual(
            message(stored),
            #"{"event": "ITEM_STORED", "timestamp": {"seconds": 1700000000, "microseconds": 42}, "data": {"item": {"kind": "tool", "label": "saw", "id": "s", "weight": 2}, "where": "shelf", "at": 5}}"#
        )
        XCTAssertEqual(
            data(Events.ItemStored(item: Item(label: "x", branch: .case), at: -1)),
            #"{"item": {"kind": "case", "label": "x"}, "at": -1}"#)
        // Arguments from a named struct are flattened into the event.
        XCTAssertEqual(
            data(Events.ToolChanged(id: "t", weight: 3, shade: .dark)), #"{"id": "t", "weight": 3, "shade": "dark"}"#)
        XCTAssertEqual(data(Events.NewEvent(detail: "d")), #"{"detail": "d"}"#)
        XCTAssertEqual(
            data(Events.KeywordEvent(default: 1, self_: "s", in: false, type: .twoTone)),
            #"{"default": 1, "self": "s", "in": false, "type": "two-tone"}"#)
        XCTAssertEqual(
            data(Events.OrgExampleFlash(orgExampleMember1: .plain, orgExampleMember2: "m")),
            #"{"__org.example_member1": "plain", "__org.example_member2": "m"}"#)
        XCTAssertEqual(data(Events.SubEvent(label: .blueTag)), #"{"label": "blue-tag"}"#)
        // An event type named like a standard type.
        XCTAssertEqual(Events.Bool.name, "BOOL")
        XCTAssertEqual(data(Events.Bool(flag: true, by: String(str: "me"))), #"{"flag": true, "by": {"str": "me"}}"#)
    }

    func testBoxedEvents() {
        XCTAssertEqual(
            data(Events.ToolBoxed(PowerTool(id: "p", weight: 1, watts: 2, cordless: false))),
            #"{"id": "p", "weight": 1, "watts": 2, "cordless": false}"#)
        XCTAssertEqual(
            data(Events.ItemBoxed(Item(label: "g", branch: .gizmo(Gizmo(gears: 4))))),
            #"{"kind": "gizmo", "label": "g", "gears": 4}"#)
        XCTAssertEqual(data(Events.CondEvent(CondStruct(always: 1, alpha: 2))), #"{"always": 1, "alpha": 2}"#)
        // A boxed empty struct still has a data member, unlike 'data': {}.
        XCTAssertEqual(data(Events.BlankBoxed(Blank())), "{}")
        XCTAssertEqual(
            JSONWriter(memberOrder: .qdict).string(QMPEventMessage(Events.BlankBoxed(Blank()), timestamp: time).json),
            #"{"timestamp": {"seconds": 1700000000, "microseconds": 42}, "event": "BLANK_BOXED", "data": {}}"#)
        XCTAssertEqual(Events.ItemBoxed(Item(label: "a", branch: .case)).data.kind, .case)
    }

    func testEventDataDecodesBack() {
        let stored = Events.ItemStored(
            item: Item(label: "x", count: 3, branch: .material(Material(amount: 1, grade: 2))), at: 9)
        assertRoundTrip(
            stored, #"{"item": {"kind": "material", "label": "x", "count": 3, "amount": 1, "grade": 2}, "at": 9}"#)
        assertRoundTrip(
            Events.KeywordEvent(default: 0, self_: "", in: true), #"{"default": 0, "self": "", "in": true}"#)
        XCTAssertEqual(
            decodingError(Events.ToolChanged.self, #"{"id": "t", "weight": 1, "watts": 1}"#),
            "Parameter 'watts' is unexpected")
    }

    func testMessagesFromAnyEvent() {
        let events: [any QMPEvent] = [
            Events.Started(), Events.Stopped(), Events.OldEvent(), Events.BlankBoxed(Blank()),
            Events.SubEvent(label: .noTag),
        ]
        let names = events.map { QMPEventMessage($0, timestamp: time).name }
        XCTAssertEqual(names, ["STARTED", "STOPPED", "OLD_EVENT", "BLANK_BOXED", "SUB_EVENT"])
        let withData = events.map { QMPEventMessage($0, timestamp: time).data != nil }
        XCTAssertEqual(withData, [false, false, false, true, true])
    }
}
