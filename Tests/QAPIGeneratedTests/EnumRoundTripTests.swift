import QAPIRuntime
import XCTest

/// Generated enums: cases, raw values, conditions, special features.
final class EnumRoundTripTests: XCTestCase {
    func testValuesKeepTheirWireNamesInSchemaOrder() {
        XCTAssertEqual(Shade.allCases.map(\.rawValue), ["light", "dark", "two-tone"])
        assertRoundTrip(Shade.twoTone, #""two-tone""#)
        assertRoundTrip(Protocol_.vsock, #""vsock""#)
        assertRoundTrip(Label.noTag, #""no-tag""#)
        assertRoundTrip(__org_example_Enum.orgExampleValue, #""__org.example_value""#)
        XCTAssertEqual(WireCase.allCases.map(\.rawValue), ["lower", "UPPER", "Mixed_Case", "x-y"])
        XCTAssertEqual(
            [WireCase.lower, .upper, .mixedCase, .xY].map(\.rawValue), ["lower", "UPPER", "Mixed_Case", "x-y"])
    }

    func testKeywordValuesMapToTheirOwnCases() {
        let expected: [(Keyword, Swift.String)] = [
            (.true, "true"), (.false, "false"), (.nil, "nil"), (.case, "case"), (.default, "default"),
            (.self_, "self"), (.init_, "init"), (.in, "in"), (.protocol, "protocol"), (.type, "type"),
            (.is, "is"), (.rawValue_, "raw-value"), (.allCases_, "all-cases"), (.hashValue_, "hash-value"),
            (.qapiFeatures_, "qapi-features"), (.qapiEncoded_, "qapi-encoded"), (._1st, "1st"),
            (._2ndPass, "2nd-pass"), (.plain, "plain"),
        ]
        XCTAssertEqual(Keyword.allCases, expected.map(\.0))
        for (value, name) in expected {
            XCTAssertEqual(value.rawValue, name)
            XCTAssertEqual(Keyword(rawValue: name), value)
            assertRoundTrip(value, "\"\(name)\"")
        }
        // The members those cases would have shadowed still work.
        XCTAssertEqual(Keyword.allCases.count, 19)
        XCTAssertEqual(Keyword.rawValue_.qapiFeatures, [])
    }

    func testConditionalValuesFollowTheDefinedSymbols() {
        // 'hidden' needs CONFIG_GAMMA, which is not defined.
        XCTAssertEqual(Gauge.allCases, [.coarse, .fine, .ancient, .risky, .extra, .maybe, .surely])
        XCTAssertNil(Gauge(knownName: "hidden"))
        XCTAssertEqual(decodingError(Gauge.self, #""hidden""#), "Parameter 'null' does not accept value 'hidden'")
        XCTAssertEqual(
            ItemKind.allCases.map(\.rawValue),
            ["tool", "power-tool", "material", "crate", "default", "case", "gizmo"])
        XCTAssertEqual(CondEnum.allCases, [.base, .alpha])
        XCTAssertEqual(PresentEnum.allCases, [.onValue, .other])
    }

    func testSpecialFeaturesOfValues() {
        XCTAssertEqual(Gauge.coarse.qapiFeatures, [])
        XCTAssertEqual(Gauge.fine.qapiFeatures, .unstable)
        XCTAssertEqual(Gauge.ancient.qapiFeatures, .deprecated)
        XCTAssertEqual(Gauge.risky.qapiFeatures, [.deprecated, .unstable])
        XCTAssertEqual(Gauge.extra.qapiFeatures, [])
        // Deprecated under CONFIG_GAMMA (undefined) / CONFIG_ALPHA (defined).
        XCTAssertEqual(Gauge.maybe.qapiFeatures, [])
        XCTAssertEqual(Gauge.surely.qapiFeatures, .deprecated)
        XCTAssertEqual(Shade.dark.qapiFeatures, [])
    }

    func testAnEnumWithoutValuesAcceptsNothing() {
        XCTAssertTrue(Nothing.allCases.isEmpty)
        XCTAssertNil(Nothing(knownName: ""))
        XCTAssertEqual(decodingError(Nothing.self, #""x""#), "Parameter 'null' does not accept value 'x'")
        XCTAssertEqual(decodingError(Nothing.self, "1"), "Invalid parameter type for '<anonymous>', expected: string")
    }

    func testValuesMatchExactly() {
        XCTAssertEqual(decodingError(Shade.self, #""Light""#), "Parameter 'null' does not accept value 'Light'")
        XCTAssertEqual(decodingError(Shade.self, #""light ""#), "Parameter 'null' does not accept value 'light '")
        XCTAssertEqual(decodingError(Shade.self, #""two_tone""#), "Parameter 'null' does not accept value 'two_tone'")
        XCTAssertEqual(decodingError(WireCase.self, #""upper""#), "Parameter 'null' does not accept value 'upper'")
        XCTAssertEqual(decodingError(Keyword.self, #""self_""#), "Parameter 'null' does not accept value 'self_'")
    }
}
