import QAPIRuntime
import XCTest

/// The command table: registration, lookup, enabling and removal.
final class QMPCommandRegistryTests: XCTestCase {
    private func command(_ name: String, returning result: JSONValue = [:]) -> QMPCommand {
        QMPCommand(name: name, body: .inBand { _, _ in result })
    }

    private func names(_ registry: QMPCommandRegistry) -> [String] {
        registry.commands.map(\.name)
    }

    func testRegistrationOrderAndLookup() {
        var registry = QMPCommandRegistry()
        XCTAssertEqual(names(registry), [])
        for name in ["stop", "cont", "quit"] { registry.register(command(name)) }
        XCTAssertEqual(names(registry), ["stop", "cont", "quit"])
        XCTAssertEqual(registry["cont"]?.name, "cont")
        XCTAssertNil(registry["Cont"])
    }

    func testReRegistrationReplacesInPlaceAndEnables() async {
        var registry = QMPCommandRegistry()
        registry.register(command("stop", returning: 1))
        registry.register(command("cont"))
        registry.disable("stop", reason: "why")
        registry.register(QMPCommand(name: "stop", flags: .allowPreconfig, body: .inBand { _, _ in 2 }))
        XCTAssertEqual(names(registry), ["stop", "cont"])
        XCTAssertEqual(registry["stop"]?.flags, .allowPreconfig)
        XCTAssertTrue(registry.isEnabled("stop"))
        let response = await registry.dispatch(QMPRequest(command: "stop"), policy: QMPDispatchPolicy())
        XCTAssertEqual(response?.result, .success(2))
    }

    func testUnregister() {
        var registry = QMPCommandRegistry()
        for name in ["a", "b", "c", "d"] { registry.register(command(name)) }
        registry.unregister("b")
        registry.unregister("nope")
        XCTAssertEqual(names(registry), ["a", "c", "d"])
        XCTAssertNil(registry["b"])
        XCTAssertEqual(registry["d"]?.name, "d")
        registry.register(command("b"))
        XCTAssertEqual(names(registry), ["a", "c", "d", "b"])
        registry.disable("d")
        registry.unregister("c")
        XCTAssertFalse(registry.isEnabled("d"))
        XCTAssertTrue(registry.isEnabled("b"))
    }

    func testEnableAndDisable() {
        var registry = QMPCommandRegistry()
        registry.register(command("stop"))
        XCTAssertTrue(registry.isEnabled("stop"))
        XCTAssertFalse(registry.isEnabled("nope"))
        registry.disable("stop")
        XCTAssertFalse(registry.isEnabled("stop"))
        XCTAssertNotNil(registry["stop"])
        registry.enable("stop")
        XCTAssertTrue(registry.isEnabled("stop"))
        registry.disable("nope")
        registry.enable("nope")
        XCTAssertEqual(names(registry), ["stop"])
    }

    func testReEnablingForgetsTheReason() async {
        var registry = QMPCommandRegistry()
        registry.register(command("stop"))
        registry.disable("stop", reason: "first")
        registry.enable("stop")
        registry.disable("stop")
        let response = await registry.dispatch(QMPRequest(command: "stop"), policy: QMPDispatchPolicy())
        XCTAssertEqual(response?.result, .failure(QMPError(.commandNotFound, "Command stop has been disabled")))
    }

    func testFlags() {
        let all: QMPCommandFlags = [.allowOOB, .allowPreconfig, .coroutine, .noSuccessResponse]
        XCTAssertEqual(all.rawValue, 0b1111)
        XCTAssertFalse(QMPCommandFlags.coroutine.contains(.allowOOB))
    }
}
