import Foundation
import QAPIRuntime
import QAPITestSupport
import QMPClient
import QMPClientTestSupport
import QMPMonitor
import XCTest

/// The client generated from the workshop schema (`qapi-client.swift` of
/// the golden files) against a monitor core in this process that serves
/// every workshop command through `WorkshopHandler`.
final class GeneratedClientTests: XCTestCase {
    private let handler = WorkshopHandler()
    private var server: MonitorServer!
    private var folder = ""
    private var client: QMPConnection!

    override func setUp() async throws {
        folder = try TestEnvironment.makeShortFolder(prefix: "qapi-client")
        server = MonitorServer(
            configuration: .init { [handler] registry, _ in
                Commands.register(handler, into: &registry)
            })
        let socketPath = folder + "/qmp.sock"
        try server.chardevs.add(
            id: "qmp",
            backend: .socket(ChardevSocketOptions(address: .unix(path: socketPath), server: true, wait: false)))
        try await server.addMonitor(id: "qmp", chardev: "qmp", mode: .control, pretty: false)
        client = try await QMPConnection.connect(to: .unix(path: socketPath), options: .testing())
    }

    override func tearDown() async throws {
        await client?.close()
        client = nil
        server.shutdown()
        await server.stopped()
        server = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    private let time = QMPTimestamp(seconds: 1_700_000_000, microseconds: 1)

    func testMethodsTakeLabelledArgumentsWithOptionalOnesDefaulted() async throws {
        let saw = Tool(id: "saw", weight: 3)
        let item = try await client.addTool(tool: saw)
        XCTAssertEqual(item, Item(label: "saw", branch: .tool(saw)))
        let noted = try await client.addTool(tool: saw, note: "kept")
        XCTAssertEqual(noted.label, "kept")
        let inspected = try await client.inspect(id: "drill", weight: 2, shade: .dark)
        XCTAssertEqual(inspected, Tool(id: "DRILL", weight: 4, shade: .dark))
        let all = try await client.countItems()
        let tools = try await client.countItems(kind: .tool)
        XCTAssertEqual([all, tools], [3, -1])
        let labels = try await client.listLabels()
        XCTAssertEqual(labels, ["red", "blue"])
        XCTAssertEqual(
            handler.log,
            [
                #"add-tool {"id": "saw", "weight": 3} -"#, #"add-tool {"id": "saw", "weight": 3} kept"#,
                "inspect drill 2 dark",
                "count-items -", "count-items tool", "list-labels",
            ])
    }

    func testBoxedCommandsTakeTheirArgumentValue() async throws {
        let boxed = try await client.inspectBoxed(.init(id: "lathe", weight: 9, watts: 250))
        XCTAssertEqual(boxed, [Tool(id: "lathe", weight: 9), Tool(id: "motor", weight: 250)])
        try await client.store(Item(label: "bench", branch: .tool(Tool(id: "vise", weight: 1))))
        XCTAssertEqual(handler.log.last, #"store {"kind": "tool", "label": "bench", "id": "vise", "weight": 1}"#)
    }

    func testKeywordNamedCommandsAreCallable() async throws {
        try await client.self_()
        try await client.legacyPing()
        XCTAssertEqual(handler.log, ["self", "legacy_ping"])
    }

    func testGenericExecuteOverADescriptorAnswersAsTheMethod() async throws {
        let viaExecute = try await client.execute(Commands.Inspect.self, .init(id: "file", weight: 5))
        let viaMethod = try await client.inspect(id: "file", weight: 5)
        XCTAssertEqual(viaExecute, viaMethod)
        let count = try await client.execute(Commands.CountItems.self, .init())
        XCTAssertEqual(count, 3)
    }

    func testServerErrorsKeepTheirClassAndDescription() async throws {
        let full = await thrownError {
            try await client.store(Item(label: "full", branch: .tool(Tool(id: "vise", weight: 1))))
        }
        XCTAssertEqual(
            full as? QMPCommandError, QMPCommandError(command: "store", error: .generic("The shelf is full")))
        let missing = await thrownError { try await client.fireAndForget(tag: "fail") }
        XCTAssertEqual((missing as? QMPCommandError)?.errorClass, .deviceNotFound)
        XCTAssertEqual("\(missing!)", "fire-and-forget failed: DeviceNotFound: No target for tag fail")
    }

    func testOutOfBandAccessorRunsTheAllowOOBCommands() async throws {
        XCTAssertTrue(client.isOutOfBandEnabled)
        try await client.outOfBand.interrupt(reason: "now")
        let stock = try await client.outOfBand.oobAnytime()
        XCTAssertEqual(stock, Stock(amount: 0.5))
        XCTAssertEqual(handler.log, ["interrupt now", "oob-anytime"])
    }

    func testEventsArriveAsTheGeneratedEnumWithUnknownOnesKept() async throws {
        let events = client.events(as: Event.self)
        let stored = Events.ItemStored(item: Item(label: "saw", branch: .tool(Tool(id: "saw", weight: 3))), at: 7)
        server.emit(QMPEventMessage(Events.Started(), timestamp: time))
        server.emit(QMPEventMessage(name: "FROM_A_NEWER_SERVER", data: ["level": 2], timestamp: time))
        server.emit(QMPEventMessage(stored, timestamp: time))
        var received: [Event] = []
        for try await event in events {
            received.append(event)
            if received.count == 3 { break }
        }
        XCTAssertEqual(
            received,
            [
                .started(Events.Started()), .unknown(name: "FROM_A_NEWER_SERVER", data: ["level": 2]),
                .itemStored(stored),
            ])
    }

    func testTypedFilterYieldsOnlyItsEvent() async throws {
        let stored = client.events(Events.ItemStored.self)
        server.emit(QMPEventMessage(Events.Started(), timestamp: time))
        server.emit(QMPEventMessage(Events.Stopped(), timestamp: time))
        let item = Events.ItemStored(
            item: Item(label: "saw", branch: .tool(Tool(id: "saw", weight: 3))), where: "shelf", at: 9)
        server.emit(QMPEventMessage(item, timestamp: time))
        var iterator = stored.makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, item)
    }
}
