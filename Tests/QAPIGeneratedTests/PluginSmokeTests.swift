import QAPIRuntime
import XCTest

/// The code `QAPIGeneratorPlugin` generated from `schema/` into this
/// target compiles and works: types from both modules, a command
/// namespace, the handler protocol and an event.
final class PluginSmokeTests: XCTestCase {
    /// A handler that moves every point one step to the right.
    private struct StepRight: CommandHandler {
        /// Answers `smoke-move`.
        func smokeMove(point: SmokePoint) throws(QMPError) -> SmokePoint {
            SmokePoint(xPos: point.xPos + 1, colour: point.colour)
        }
    }

    /// A generated struct and enum encode and decode with wire names.
    func testGeneratedStructRoundTrips() throws {
        let point = SmokePoint(xPos: 3, colour: .lightBlue)
        let encoded = point.qapiEncoded()
        XCTAssertEqual(encoded.description, #"{"x-pos": 3, "colour": "light-blue"}"#)
        XCTAssertEqual(try QAPIDecoder.decode(SmokePoint.self, from: encoded), point)
        XCTAssertEqual(SmokeColour.allCases.map(\.rawValue), ["red", "light-blue"])
    }

    /// The command registered from the generated namespace dispatches to
    /// the handler; the event of the included module has its wire name.
    func testGeneratedCommandAndEvent() async throws {
        var registry = QMPCommandRegistry()
        Commands.register(StepRight(), into: &registry)
        let request = try JSONValue(parsing: #"{"execute": "smoke-move", "arguments": {"point": {"x-pos": 1}}}"#)
        let response = await registry.dispatch(request, oobEnabled: false, policy: QMPDispatchPolicy())
        XCTAssertEqual(try response?.result.get().description, #"{"x-pos": 2}"#)
        XCTAssertEqual(Commands.SmokeMove.name, "smoke-move")
        XCTAssertEqual(Events.SmokeMoved.name, "SMOKE_MOVED")
        XCTAssertEqual(Events.SmokeMoved(xPos: 5).eventData()?["x-pos"]?.int64Value, 5)
    }
}
