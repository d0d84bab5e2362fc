import QAPIRuntime
import XCTest

/// List element paths (spec A preamble), alternates (A9), `any` and
/// `null`.
final class VisitorListAlternateTests: XCTestCase {
    func testListElementsAreNamedWithTheirIndex() {
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "tags": ["a", "b", 3]}"#),
            "Invalid parameter type for 'tags[2]', expected: string")
        XCTAssertEqual(
            decodingError(Widget.self, #"{"id": "w", "count": 1, "tags": [null]}"#),
            "Invalid parameter type for 'tags[0]', expected: string")
    }

    func testStructsInsideLists() {
        let cases: [(String, String)] = [
            (#"{"widgets": [{"id": "a", "count": 1}, {"id": "b"}]}"#, "Parameter 'widgets[1].count' is missing"),
            (#"{"widgets": [{"id": "a", "count": 1, "zz": 0}]}"#, "Parameter 'widgets[0].zz' is unexpected"),
            (
                #"{"widgets": [{"id": "a", "count": 1, "tags": ["x", {}]}]}"#,
                "Invalid parameter type for 'widgets[0].tags[1]', expected: string"
            ),
            (
                #"{"widgets": [{"id": "a", "count": 1}, 7]}"#,
                "Invalid parameter type for 'widgets[1]', expected: object"
            ),
            (#"{"widgets": {}}"#, "Invalid parameter type for 'widgets', expected: array"),
            (#"{}"#, "Parameter 'widgets' is missing"),
        ]
        for (json, text) in cases {
            XCTAssertEqual(decodingError(Rack.self, json), text, json)
        }
    }

    func testNestedLists() throws {
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "grid": [[1, 2], [3, "4"]]}"#),
            "Invalid parameter type for 'grid[1][1]', expected: integer")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "grid": [[1], 2]}"#),
            "Invalid parameter type for 'grid[1]', expected: array")
        XCTAssertEqual(try decode(Rack.self, #"{"widgets": [], "grid": [[], [-1, 1]]}"#).grid, [[], [-1, 1]])
    }

    func testRootLists() {
        XCTAssertEqual(decodingError([Int64].self, "[1, true]"), "Invalid parameter type for '[1]', expected: integer")
        XCTAssertEqual(decodingError([UnixAddress].self, "[{}]"), "Parameter '[0].path' is missing")
        XCTAssertEqual(
            decodingError([[String]].self, #"[[], ["a", 1]]"#), "Invalid parameter type for '[1][1]', expected: string")
        XCTAssertEqual(decodingError([Int64].self, "{}"), "Invalid parameter type for '<anonymous>', expected: array")
    }

    func testA9AlternateChosenByJSONKind() throws {
        let targets = try decode(
            Rack.self, #"{"widgets": [], "targets": ["n", {"node": "x", "index": -2}, 7, true, null]}"#
        ).targets
        XCTAssertEqual(
            targets, [.name("n"), .spec(TargetSpec(node: "x", index: -2)), .index(7), .flag(true), .none(QAPINull())])
        let shades = try decode(Rack.self, #"{"widgets": [], "shades": ["green", 2, 0.5]}"#).shades
        XCTAssertEqual(shades, [.color(.green), .number(2), .number(0.5)])
    }

    func testA9NoMatchingBranchUsesTheShortName() {
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "targets": [[]]}"#),
            "Invalid parameter type for 'null', expected: Target")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "shades": [true]}"#),
            "Invalid parameter type for 'null', expected: ColorOrNumber")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "shades": [null]}"#),
            "Invalid parameter type for 'null', expected: ColorOrNumber")
        XCTAssertEqual(decodingError(Target.self, "[]"), "Invalid parameter type for 'null', expected: Target")
    }

    func testA9BranchErrorsAreTheBranchTypesOwn() {
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "targets": [1.5]}"#),
            "Invalid parameter type for 'targets[0]', expected: integer")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "targets": [{"node": "n"}]}"#),
            "Parameter 'targets[0].index' is missing")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "targets": ["a", {"node": "n", "index": 1, "q": 1}]}"#),
            "Parameter 'targets[1].q' is unexpected")
        XCTAssertEqual(
            decodingError(Rack.self, #"{"widgets": [], "shades": ["mauve"]}"#),
            "Parameter 'null' does not accept value 'mauve'")
    }

    func testA9AlternateAsAMember() throws {
        struct Holder: QAPIObjectCodable, Hashable {
            var target: Target
            var shade: ColorOrNumber?

            init(qapiMembers members: inout QAPIObjectDecoder) throws(QAPIDecodingError) {
                target = try members.required("target")
                shade = try members.optional("shade")
            }

            func encodeMembers(to encoder: inout QAPIObjectEncoder) {
                encoder.encode(target, "target")
                encoder.encode(shade, "shade")
            }
        }
        XCTAssertEqual(
            decodingError(Holder.self, #"{"target": []}"#), "Invalid parameter type for 'target', expected: Target")
        XCTAssertEqual(decodingError(Holder.self, "{}"), "Parameter 'target' is missing")
        XCTAssertEqual(
            decodingError(Holder.self, #"{"target": null, "shade": {}}"#),
            "Invalid parameter type for 'shade', expected: ColorOrNumber")
        XCTAssertEqual(
            decodingError(Holder.self, #"{"target": null, "shade": "x"}"#),
            "Parameter 'shade' does not accept value 'x'")
        XCTAssertEqual(
            try roundTrip(Holder.self, #"{"shade": 3, "target": {"index": 0, "node": "n"}}"#),
            #"{"target": {"node": "n", "index": 0}, "shade": 3}"#)
    }

    func testAnyAcceptsEveryValueAndKeepsIt() throws {
        for literal in [
            "null", "true", "-1", "18446744073709551615", "2.5", "\"s\"", "[1, [{}]]", #"{"b": 1, "a": [null]}"#,
        ] {
            let widget = try decode(Widget.self, #"{"id": "w", "count": 1, "extra": \#(literal)}"#)
            XCTAssertEqual(widget.extra, try JSONValue(parsing: literal), literal)
            XCTAssertEqual(widget.qapiEncoded()["extra"]?.description, literal)
        }
        XCTAssertEqual(try decode(JSONValue.self, "[3]"), [3])
    }

    func testNullType() throws {
        XCTAssertEqual(try decode(QAPINull.self, "null"), QAPINull())
        XCTAssertEqual(decodingError(QAPINull.self, "0"), "Invalid parameter type for '<anonymous>', expected: null")
        XCTAssertEqual(
            decodingError([QAPINull].self, "[null, false]"), "Invalid parameter type for '[1]', expected: null")
    }
}
