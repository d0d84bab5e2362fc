import QAPIRuntime
import XCTest

/// Spec A6 (enums) and A8 (flat unions).
final class VisitorEnumUnionTests: XCTestCase {
    func testA6InvalidValueUsesTheShortName() {
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "color": "blue"}"#),
            "Parameter 'color' does not accept value 'blue'")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [{"id": "w", "count": 1, "color": "Red"}]}"#),
            "Parameter 'color' does not accept value 'Red'")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "color": ""}"#),
            "Parameter 'color' does not accept value ''")
    }

    func testA6InvalidValueInsideAListIsNamedNull() {
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "colors": ["red", "pink"]}"#),
            "Parameter 'null' does not accept value 'pink'")
    }

    func testA6ValuesAreComparedByteForByte() {
        // U+212A KELVIN SIGN is canonically equivalent to "K" in Swift.
        XCTAssertEqual(
            decodingError(Color.self, "\"gr\u{E9}en\""), "Parameter 'null' does not accept value 'gr\u{E9}en'")
        XCTAssertEqual(
            decodingError(BackendKind.self, "\"nu\u{212A}l\""), "Parameter 'null' does not accept value 'nu\u{212A}l'")
        XCTAssertEqual(
            decodingError(Color.self, "\"re\u{64}\u{301}\""), "Parameter 'null' does not accept value 're\u{64}\u{301}'"
        )
    }

    func testA6NonStringUsesTheFullPath() {
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "color": 1}"#),
            "Invalid parameter type for 'color', expected: string")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "colors": ["red", ["red"]]}"#),
            "Invalid parameter type for 'colors[1]', expected: string")
    }

    func testA6DeprecatedAndUnstableValuesUnderPolicy() throws {
        let reject = QAPICompatPolicy(rejectDeprecatedInput: true, rejectUnstableInput: true)
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "color": "old-blue"}"#, policy: reject),
            "Deprecated value old-blue disabled by policy")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "colors": ["beta"]}"#, policy: reject),
            "Unstable value beta disabled by policy")
        XCTAssertEqual(try decode(Widget.self, #"{"id": "w", "count": 1, "color": "red"}"#, policy: reject).color, .red)
        XCTAssertEqual(try decode(Widget.self, #"{"id": "w", "count": 1, "color": "old-blue"}"#).color, .oldBlue)
        XCTAssertEqual(try decode(Color.self, #""beta""#, policy: QAPICompatPolicy(rejectDeprecatedInput: true)), .beta)
    }

    func testA8MissingDiscriminator() {
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "c", "backend": {"data": {}}}"#),
            "Parameter 'backend.type' is missing")
        XCTAssertEqual(
            decodingError(
                ChardevAddArguments.self, #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"data": {}}}}}"#
            ),
            "Parameter 'backend.data.addr.type' is missing")
    }

    func testA8BadDiscriminatorValue() {
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "c", "backend": {"type": "bogus"}}"#),
            "Parameter 'type' does not accept value 'bogus'")
        XCTAssertEqual(
            decodingError(
                ChardevAddArguments.self,
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "vsock"}}}}"#),
            "Parameter 'type' does not accept value 'vsock'")
    }

    func testA8NonStringDiscriminator() {
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "c", "backend": {"type": 1}}"#),
            "Invalid parameter type for 'backend.type', expected: string")
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "c", "backend": {"type": null}}"#),
            "Invalid parameter type for 'backend.type', expected: string")
    }

    func testA8LegacyWrapperBranchesRequireData() {
        XCTAssertEqual(
            decodingError(ChardevAddArguments.self, #"{"id": "c", "backend": {"type": "file"}}"#),
            "Parameter 'backend.data' is missing")
        XCTAssertEqual(
            decodingError(
                ChardevAddArguments.self,
                #"{"id": "c", "backend": {"type": "socket", "data": {"addr": {"type": "inet"}}}}"#),
            "Parameter 'backend.data.addr.data' is missing")
    }

    func testA8BaseMembersAreCheckedInSchemaOrderAroundTheDiscriminator() {
        XCTAssertEqual(decodingError(Tagged.self, #"{"kind": "bogus"}"#), "Parameter 'name' is missing")
        XCTAssertEqual(decodingError(Tagged.self, #"{"name": "n", "note": 5}"#), "Parameter 'kind' is missing")
        XCTAssertEqual(
            decodingError(Tagged.self, #"{"name": "n", "kind": "unix", "note": 5}"#),
            "Invalid parameter type for 'note', expected: string")
        XCTAssertEqual(decodingError(Tagged.self, #"{"name": "n", "kind": "unix"}"#), "Parameter 'path' is missing")
    }

    func testA8UnionAsAListElement() {
        XCTAssertEqual(
            decodingError([Address].self, #"[{"type": "unix", "data": {"path": "p"}}, {"type": 3}]"#),
            "Invalid parameter type for '[1].type', expected: string")
        XCTAssertEqual(
            decodingError([Address].self, #"[{"type": "unix", "data": {"path": "p"}}, {"type": "x"}]"#),
            "Parameter 'type' does not accept value 'x'")
        XCTAssertEqual(
            decodingError([Address].self, #"[{"type": "inet", "data": {"host": "h"}}]"#),
            "Parameter '[0].data.port' is missing")
    }
}
