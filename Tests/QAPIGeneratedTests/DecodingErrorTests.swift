import QAPIRuntime
import XCTest

/// Spec A1–A3 and A6–A12: the input visitor's error texts and member
/// paths, produced by generated code. (Integers, A4 and A5, are in
/// IntegerLimitTests.)
final class DecodingErrorTests: XCTestCase {
    typealias TakeAll = Commands.TakeAll.Arguments

    /// `take-all` arguments: valid scalars plus `extra` members (JSON text).
    private func takeAll(_ extra: Swift.String) -> Swift.String {
        #"{"scalars": \#(validScalars), \#(extra)}"#
    }

    // MARK: A1

    func testA1MembersAreCheckedInSchemaOrderBaseFirst() {
        XCTAssertEqual(decodingError(Tool.self, #"{"extra": 1}"#), "Parameter 'id' is missing")
        XCTAssertEqual(decodingError(PowerTool.self, #"{"watts": "w"}"#), "Parameter 'id' is missing")
        XCTAssertEqual(
            decodingError(PowerTool.self, #"{"weight": "w", "id": 1}"#),
            "Invalid parameter type for 'id', expected: string")
        XCTAssertEqual(
            decodingError(PowerTool.self, #"{"id": "a", "weight": "w", "watts": "w"}"#),
            "Parameter 'weight' expects uint64")
        // Unions: the discriminator in its place among the base members,
        // then the branch's members.
        XCTAssertEqual(
            decodingError(Item.self, #"{"label": 1, "kind": "bogus"}"#),
            "Parameter 'kind' does not accept value 'bogus'")
        XCTAssertEqual(decodingError(Note.self, #"{"form": "plain", "text": 1}"#), "Parameter 'id' is missing")
        XCTAssertEqual(
            decodingError(Note.self, #"{"pages": "p", "id": "n", "form": "bogus"}"#),
            "Parameter 'form' does not accept value 'bogus'")
        XCTAssertEqual(
            decodingError(Note.self, #"{"pages": "p", "id": "n", "form": "plain"}"#),
            "Invalid parameter type for 'pages', expected: integer")
        XCTAssertEqual(
            decodingError(Note.self, #"{"id": "n", "form": "plain", "x": 1}"#), "Parameter 'text' is missing")
    }

    func testA1UnexpectedKeysOnlyAfterEveryMember() {
        XCTAssertEqual(
            decodingError(Tool.self, #"{"id": "x", "weight": 1, "extra": 1}"#), "Parameter 'extra' is unexpected")
        XCTAssertEqual(
            decodingError(PowerTool.self, #"{"extra": 1, "id": "a", "weight": 1, "watts": 70000}"#),
            "Parameter 'watts' expects uint16")
        XCTAssertEqual(
            decodingError(Note.self, #"{"x": 1, "id": "n", "form": "plain", "text": "t"}"#),
            "Parameter 'x' is unexpected")
    }

    // MARK: A2

    func testA2MissingMembersWithFullPaths() {
        XCTAssertEqual(decodingError(TakeAll.self, "{}"), "Parameter 'scalars' is missing")
        XCTAssertEqual(decodingError(TakeAll.self, #"{"scalars": {}}"#), "Parameter 'scalars.s' is missing")
        XCTAssertEqual(
            decodingError(Material.self, #"{"amount": 1, "grade": 1, "origin": {}}"#),
            "Parameter 'origin.country' is missing")
        XCTAssertEqual(
            decodingError(Grid.self, #"{"rows": [{"cells": []}, {"cells": [], "sub": [{}]}]}"#),
            "Parameter 'rows[1].sub[0].cells' is missing")
        XCTAssertEqual(
            decodingError(
                TakeAll.self, takeAll(#""grid": {"rows": [{"cells": [], "sub": [{"cells": [], "sub": [{}]}]}]}"#)),
            "Parameter 'grid.rows[0].sub[0].sub[0].cells' is missing")
        XCTAssertEqual(
            decodingError(
                Item.self, #"{"kind": "crate", "label": "c", "contents": [{"kind": "tool", "label": "t", "id": "a"}]}"#),
            "Parameter 'contents[0].weight' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""note": {"id": "n", "form": "signed", "text": "t"}"#)),
            "Parameter 'note.signer' is missing")
        XCTAssertEqual(
            decodingError(Folder.self, #"{"name": "a", "parent": {"name": "b", "parent": {}}}"#),
            "Parameter 'parent.parent.name' is missing")
        XCTAssertEqual(
            decodingError(TreeNode.self, #"{"left": {"left": {"right": 1}}}"#), "Parameter 'left.left.left' is missing")
        XCTAssertEqual(
            decodingError(Events.ItemStored.self, #"{"item": {"kind": "case", "label": "x"}}"#),
            "Parameter 'at' is missing")
        for member in validScalarMembers {
            XCTAssertEqual(
                decodingError(Scalars.self, scalars(member.key, nil)), "Parameter '\(member.key)' is missing")
        }
    }

    // MARK: A3

    func testA3WrongTypeForEveryExpectedKind() {
        let cases: [(key: Swift.String, expected: Swift.String, wrong: [Swift.String])] = [
            ("s", "string", ["1", "null", "true", "[]", "{}", "1.5"]),
            ("i", "integer", [#""1""#, "1.5", "64.0", "1e2", "null", "true", "[]", "{}", "9223372036854775808"]),
            ("i64", "integer", [#""1""#, "-1.0", "-9223372036854775809", "null"]),
            ("num", "number", [#""1""#, "null", "false", "[1]", "{}"]),
            ("flag", "boolean", ["1", "0", #""true""#, "null", "[]", "{}"]),
            ("nothing", "null", ["0", "false", #""null""#, "[]", "{}"]),
        ]
        for (key, expected, wrong) in cases {
            for value in wrong {
                XCTAssertEqual(
                    decodingError(Scalars.self, scalars(key, value)),
                    "Invalid parameter type for '\(key)', expected: \(expected)", "\(key): \(value)")
                XCTAssertEqual(
                    decodingError(TakeAll.self, #"{"scalars": \#(scalars(key, value))}"#),
                    "Invalid parameter type for 'scalars.\(key)', expected: \(expected)", "\(key): \(value)")
            }
        }
        for value in ["1", "\"x\"", "true", "null", "[]"] {
            XCTAssertEqual(
                decodingError(Material.self, #"{"amount": 1, "grade": 1, "origin": \#(value)}"#),
                "Invalid parameter type for 'origin', expected: object")
            XCTAssertEqual(
                decodingError(Grid.self, #"{"rows": [{"cells": []}, \#(value)]}"#),
                "Invalid parameter type for 'rows[1]', expected: object")
        }
        for value in ["1", "\"x\"", "true", "null", "{}"] {
            XCTAssertEqual(
                decodingError(Grid.self, #"{"rows": \#(value)}"#), "Invalid parameter type for 'rows', expected: array")
            XCTAssertEqual(
                decodingError(Grid.self, #"{"rows": [{"cells": [], "sub": [{"cells": \#(value)}]}]}"#),
                "Invalid parameter type for 'rows[0].sub[0].cells', expected: array")
        }
        XCTAssertEqual(
            decodingError(Grid.self, #"{"rows": [{"cells": [1, "x"]}]}"#),
            "Invalid parameter type for 'rows[0].cells[1]', expected: integer")
        XCTAssertEqual(
            decodingError(
                Lists.self,
                #"{"s": ["a", 1], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": []}"#
            ),
            "Invalid parameter type for 's[1]', expected: string")
        XCTAssertEqual(
            decodingError(
                Lists.self,
                #"{"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": [], "nothing": [null, 0]}"#
            ),
            "Invalid parameter type for 'nothing[1]', expected: null")
        // The root value itself.
        XCTAssertEqual(decodingError(Tool.self, "[]"), "Invalid parameter type for '<anonymous>', expected: object")
        XCTAssertEqual(
            decodingError(Item.self, #""tool""#), "Invalid parameter type for '<anonymous>', expected: object")
        XCTAssertEqual(decodingError([Tool].self, "{}"), "Invalid parameter type for '<anonymous>', expected: array")
        XCTAssertEqual(
            decodingError([Tool].self, #"[{"id": "a", "weight": 1}, {"id": 2}]"#),
            "Invalid parameter type for '[1].id', expected: string")
    }

    func testA3AnyAcceptsEveryValue() {
        for value in [
            "null", "true", "0", "-1.5", "18446744073709551615", #""s""#, "[null, [{}]]", #"{"a": {"b": []}}"#,
        ] {
            XCTAssertEqual(decoded(Scalars.self, scalars("blob", value))?.blob, json(value), value)
        }
    }

    // MARK: A6

    func testA6EnumValuesUseTheShortName() {
        XCTAssertEqual(
            decodingError(Tool.self, #"{"id": "a", "weight": 1, "shade": "bogus"}"#),
            "Parameter 'shade' does not accept value 'bogus'")
        XCTAssertEqual(
            decodingError(Material.self, #"{"amount": 1, "grade": 1, "origin": {"country": "c", "label": "green"}}"#),
            "Parameter 'label' does not accept value 'green'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""grid": {"rows": [{"cells": [], "shades": ["dark", "x"]}]}"#)),
            "Parameter 'null' does not accept value 'x'")
        XCTAssertEqual(
            decodingError(Row.self, #"{"cells": [], "shades": [""]}"#), "Parameter 'null' does not accept value ''")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""keyword-enum": "self_""#)),
            "Parameter 'keyword-enum' does not accept value 'self_'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""present": "x""#)), "Parameter 'present' does not accept value 'x'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""nothing": "x""#)), "Parameter 'nothing' does not accept value 'x'")
    }

    func testA6EnumsTakeOnlyStrings() {
        for value in ["1", "true", "null", "[]", "{}"] {
            XCTAssertEqual(
                decodingError(Tool.self, #"{"id": "a", "weight": 1, "shade": \#(value)}"#),
                "Invalid parameter type for 'shade', expected: string")
            XCTAssertEqual(
                decodingError(
                    Material.self, #"{"amount": 1, "grade": 1, "origin": {"country": "c", "label": \#(value)}}"#),
                "Invalid parameter type for 'origin.label', expected: string")
            XCTAssertEqual(
                decodingError(Row.self, #"{"cells": [], "shades": ["dark", \#(value)]}"#),
                "Invalid parameter type for 'shades[1]', expected: string")
        }
    }

    func testA6ValuesRejectedByPolicy() {
        let measure = #"{"gauge": "ancient", "text": "t"}"#
        XCTAssertEqual(
            decodingError(Measurement.self, measure, policy: rejectDeprecated),
            "Deprecated value ancient disabled by policy")
        XCTAssertNotNil(decoded(Measurement.self, measure, policy: rejectUnstable))
        XCTAssertEqual(
            decodingError(Measurement.self, #"{"gauge": "fine"}"#, policy: rejectUnstable),
            "Unstable value fine disabled by policy")
        XCTAssertNotNil(decoded(Measurement.self, #"{"gauge": "fine"}"#, policy: rejectDeprecated))
        // Deprecated is checked before unstable.
        XCTAssertEqual(
            decodingError(Gauge.self, #""risky""#, policy: rejectBoth), "Deprecated value risky disabled by policy")
        XCTAssertEqual(
            decodingError(Gauge.self, #""risky""#, policy: rejectUnstable), "Unstable value risky disabled by policy")
        // Conditional features: 'surely' is deprecated in this build, 'maybe' is not.
        XCTAssertEqual(
            decodingError(Gauge.self, #""surely""#, policy: rejectDeprecated),
            "Deprecated value surely disabled by policy")
        XCTAssertEqual(decoded(Gauge.self, #""maybe""#, policy: rejectBoth), .maybe)
        XCTAssertEqual(decoded(Gauge.self, #""coarse""#, policy: rejectBoth), .coarse)
        // In a list, in an optional member, in command arguments.
        let lists =
            #"{"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": [], "gauges": ["coarse", "ancient"]}"#
        XCTAssertEqual(
            decodingError(Lists.self, lists, policy: rejectDeprecated), "Deprecated value ancient disabled by policy")
        XCTAssertEqual(decoded(Lists.self, lists, policy: rejectUnstable)?.gauges, [.coarse, .ancient])
        XCTAssertEqual(
            decodingError(
                Commands.Tune.Arguments.self, #"{"level": 1, "gauge": "fine", "required-old": 1}"#,
                policy: rejectUnstable),
            "Unstable value fine disabled by policy")
    }

    // MARK: A7

    func testA7UnexpectedKeysAtEveryLevel() {
        XCTAssertEqual(decodingError(Blank.self, #"{"a": 1}"#), "Parameter 'a' is unexpected")
        XCTAssertEqual(decodingError(BlankToo.self, #"{"b": null}"#), "Parameter 'b' is unexpected")
        XCTAssertEqual(
            decodingError(Material.self, #"{"amount": 1, "grade": 1, "origin": {"country": "c", "x": 1}}"#),
            "Parameter 'origin.x' is unexpected")
        XCTAssertEqual(
            decodingError(
                TakeAll.self,
                takeAll(#""grid": {"rows": [{"cells": []}, {"cells": [], "sub": [{"cells": [], "zz": 1}]}]}"#)),
            "Parameter 'grid.rows[1].sub[0].zz' is unexpected")
        XCTAssertEqual(
            decodingError(TakeAll.self, #"{"scalars": \#(scalars("extra", nil).dropLast()), "extra": 1}}"#),
            "Parameter 'scalars.extra' is unexpected")
        // A member of another branch, a member given to a branch left out.
        XCTAssertEqual(
            decodingError(Shape.self, #"{"kind": "round", "radius": 1, "corners": "three"}"#),
            "Parameter 'corners' is unexpected")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "case", "label": "l", "id": "x"}"#), "Parameter 'id' is unexpected")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "default", "label": "l", "weight": 1}"#),
            "Parameter 'weight' is unexpected")
        XCTAssertEqual(decodingError(Marker.self, #"{"type": "dark", "id": "x"}"#), "Parameter 'id' is unexpected")
        // Swift names are not wire names.
        XCTAssertEqual(
            decodingError(
                Keywords.self,
                #"{"default": 1, "protocol": "p", "class": true, "in": 2, "self_": "me", "self": "x", "type": "dark", "init": 3}"#
            ),
            "Parameter 'self_' is unexpected")
        XCTAssertEqual(
            decodingError(
                LegacyRecord.self,
                #"{"serial_no": 1, "serialno": 2, "SERIAL": 3, "node-name": "a", "nodename": "b", "x-node": 4, "xnode": 5, "in-it": 6, "i-s": true, "self-ref": 7, "Mixed-Case": "m", "serialNo": 1}"#
            ),
            "Parameter 'serialNo' is unexpected")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "case", "label": "l", "branch_": "x"}"#),
            "Parameter 'branch_' is unexpected")
    }

    // MARK: A8

    func testA8UnionDiscriminator() {
        XCTAssertEqual(decodingError(Item.self, #"{"label": "x"}"#), "Parameter 'kind' is missing")
        XCTAssertEqual(
            decodingError(Crate.self, #"{"contents": [{"kind": "case", "label": "x"}, {"label": "y"}]}"#),
            "Parameter 'contents[1].kind' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"name": "n"}"#)), "Parameter 'shape.kind' is missing")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "bogus", "label": "x"}"#),
            "Parameter 'kind' does not accept value 'bogus'")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "Tool", "label": "x"}"#),
            "Parameter 'kind' does not accept value 'Tool'")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "ghost", "label": "x", "id": "g"}"#),
            "Parameter 'kind' does not accept value 'ghost'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"kind": "oval"}"#)),
            "Parameter 'kind' does not accept value 'oval'")
        for value in ["1", "true", "null", "[]", "{}"] {
            XCTAssertEqual(
                decodingError(Item.self, #"{"kind": \#(value), "label": "x"}"#),
                "Invalid parameter type for 'kind', expected: string")
            XCTAssertEqual(
                decodingError(TakeAll.self, takeAll(#""shape": {"kind": \#(value)}"#)),
                "Invalid parameter type for 'shape.kind', expected: string")
        }
        XCTAssertEqual(
            decodingError(__org_example_Union.self, #"{"__org.example_member1": "x"}"#),
            "Parameter '__org.example_member1' does not accept value 'x'")
    }

    func testA8BranchMembers() {
        XCTAssertEqual(decodingError(Item.self, #"{"kind": "tool", "label": "t"}"#), "Parameter 'id' is missing")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "power-tool", "label": "t", "id": "p", "weight": 1}"#),
            "Parameter 'watts' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"kind": "round"}"#)), "Parameter 'shape.radius' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"kind": "angular"}"#)),
            "Parameter 'shape.corners' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"kind": "angular", "corners": "three", "a": 1, "b": 2}"#)),
            "Parameter 'shape.c' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shape": {"kind": "angular", "corners": "four", "side": "s"}"#)),
            "Invalid parameter type for 'shape.side', expected: number")
        XCTAssertEqual(
            decodingError(
                __org_example_Union.self,
                #"{"__org.example_member1": "__org.example_value", "array": [{"__org.example_member1": "__org.example_value"}]}"#
            ),
            "Parameter 'array[0].array' is missing")
    }

    func testA8DiscriminatorWithASpecialFeature() {
        XCTAssertEqual(decodingError(Marker.self, "{}"), "Parameter 'type' is missing")
        XCTAssertEqual(
            decodingError(Marker.self, "{}", policy: rejectUnstable), "Unstable parameter type disabled by policy")
        XCTAssertEqual(
            decodingError(Marker.self, #"{"type": "dark"}"#, policy: rejectUnstable),
            "Unstable parameter type disabled by policy")
        XCTAssertEqual(decoded(Marker.self, #"{"type": "dark"}"#, policy: rejectDeprecated), Marker(branch: .dark))
    }

    // MARK: A9

    func testA9NoBranchForTheKind() {
        for value in ["true", "null", "{}", "[]"] {
            XCTAssertEqual(
                decodingError(ShadeOrLevel.self, value), "Invalid parameter type for 'null', expected: ShadeOrLevel")
            XCTAssertEqual(
                decodingError(TakeAll.self, takeAll(#""shade-or-level": \#(value)"#)),
                "Invalid parameter type for 'shade-or-level', expected: ShadeOrLevel")
        }
        for value in ["1", "null", "{}", "[]"] {
            XCTAssertEqual(
                decodingError(FlagOrShade.self, value), "Invalid parameter type for 'null', expected: FlagOrShade")
        }
        for value in ["1", "true", "null", "[]"] {
            XCTAssertEqual(
                decodingError(ItemOrName.self, value), "Invalid parameter type for 'null', expected: ItemOrName")
        }
        for value in [#""s""#, "true", "null", "{}"] {
            XCTAssertEqual(
                decodingError(SizeOrRows.self, value), "Invalid parameter type for 'null', expected: SizeOrRows")
        }
        for value in [#""s""#, "true", "{}", "[]"] {
            XCTAssertEqual(decodingError(Tiny.self, value), "Invalid parameter type for 'null', expected: Tiny")
        }
        XCTAssertEqual(
            decodingError(KeywordAlternate.self, "[]"), "Invalid parameter type for 'null', expected: KeywordAlternate")
        XCTAssertEqual(
            decodingError(KeywordAlternate.self, "{}"), "Invalid parameter type for 'null', expected: KeywordAlternate")
        // The branch under CONFIG_GAMMA does not exist.
        XCTAssertEqual(
            decodingError(CondAlternate.self, "true"), "Invalid parameter type for 'null', expected: CondAlternate")
        XCTAssertEqual(
            decodingError(FeatureAlternate.self, "1"), "Invalid parameter type for 'null', expected: FeatureAlternate")
        // The QAPI name, not the Swift name.
        XCTAssertEqual(
            decodingError(__org_example_Only.self, "1"),
            "Invalid parameter type for 'null', expected: __org.example_Only")
        XCTAssertEqual(
            decodingError(
                Commands.OrgExampleFrob.Arguments.self,
                #"{"a": [], "b": [], "c": {"__org.example_member1": "plain"}, "d": {"__org.example_member1": "plain"}, "e": 1}"#
            ),
            "Invalid parameter type for 'e', expected: __org.example_Only")
        XCTAssertEqual(
            decodingError(
                Commands.OrgExampleFrob.Arguments.self,
                #"{"a": [], "b": [], "c": {"__org.example_member1": "plain"}, "d": "x"}"#),
            "Invalid parameter type for 'd', expected: __org.example_Alt")
        // In lists and in alternates nested through structs.
        let lists =
            #"{"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": [], "tinies": [1, "x"]}"#
        XCTAssertEqual(decodingError(Lists.self, lists), "Invalid parameter type for 'null', expected: Tiny")
        XCTAssertEqual(
            decodingError(TreeNode.self, #"{"left": {"left": true}}"#),
            "Invalid parameter type for 'left', expected: Tree")
        XCTAssertEqual(
            decodingError(TreeNode.self, #"{"left": 1, "right": {"left": 1, "right": "r"}}"#),
            "Invalid parameter type for 'right', expected: Tree")
    }

    func testA9ErrorsInsideTheChosenBranch() {
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shade-or-level": "bogus""#)),
            "Parameter 'shade-or-level' does not accept value 'bogus'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shade-or-level": 1.5"#)),
            "Invalid parameter type for 'shade-or-level', expected: integer")
        XCTAssertEqual(decodingError(TakeAll.self, takeAll(#""tiny": 300"#)), "Parameter 'tiny' expects int8")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""size-or-list": 1.5"#)), "Parameter 'size-or-list' expects uint64")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""size-or-list": [{"cells": [1000]}]"#)),
            "Parameter 'null' expects int8")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""size-or-list": [{"cells": [], "x": 1}]"#)),
            "Parameter 'size-or-list[0].x' is unexpected")
        XCTAssertEqual(
            decodingError(Commands.PickSetting.Arguments.self, #"{"setting": {}}"#), "Parameter 'setting.id' is missing"
        )
        XCTAssertEqual(
            decodingError(Commands.PickSetting.Arguments.self, #"{"setting": [1, "x"]}"#),
            "Invalid parameter type for 'setting[1]', expected: integer")
        XCTAssertEqual(
            decodingError(Commands.PickSetting.Arguments.self, #"{"setting": "bright"}"#),
            "Parameter 'setting' does not accept value 'bright'")
        XCTAssertEqual(
            decodingError(Grid.self, #"{"rows": [], "cells": [[1], [2, "x"]]}"#),
            "Invalid parameter type for 'cells[1][1]', expected: integer")
        XCTAssertEqual(
            decodingError(Grid.self, #"{"rows": [], "cells": [true, "dim"]}"#),
            "Parameter 'null' does not accept value 'dim'")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""item-or-name": {"kind": "tool", "label": "l"}"#)),
            "Parameter 'item-or-name.id' is missing")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""kw-alt": "nil""#)), "Parameter 'kw-alt' does not accept value 'nil'")
        let lists =
            #"{"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": [], "settings": [1, {"id": "a"}]}"#
        XCTAssertEqual(decodingError(Lists.self, lists), "Parameter 'settings[1].weight' is missing")
    }

    // MARK: A10

    func testA10NullIsNotAbsent() {
        let expected: [Swift.String: Swift.String] = [
            "s": "Invalid parameter type for 's', expected: string",
            "i": "Invalid parameter type for 'i', expected: integer",
            "i8": "Invalid parameter type for 'i8', expected: integer",
            "i16": "Invalid parameter type for 'i16', expected: integer",
            "i32": "Invalid parameter type for 'i32', expected: integer",
            "i64": "Invalid parameter type for 'i64', expected: integer",
            "u8": "Parameter 'u8' expects uint64",
            "u16": "Parameter 'u16' expects uint64",
            "u32": "Parameter 'u32' expects uint64",
            "u64": "Parameter 'u64' expects uint64",
            "sz": "Parameter 'sz' expects uint64",
            "num": "Invalid parameter type for 'num', expected: number",
            "flag": "Invalid parameter type for 'flag', expected: boolean",
        ]
        for (key, text) in expected {
            XCTAssertEqual(decodingError(OptionalScalars.self, #"{"\#(key)": null}"#), text)
        }
        // Types that admit null.
        XCTAssertEqual(decoded(OptionalScalars.self, #"{"nothing": null}"#), OptionalScalars(nothing: QAPINull()))
        XCTAssertEqual(decoded(OptionalScalars.self, #"{"blob": null}"#), OptionalScalars(blob: .null))
        XCTAssertEqual(decoded(TakeAll.self, takeAll(#""tiny": null"#))?.tiny, Tiny.none(QAPINull()))
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""shade-or-level": null"#)),
            "Invalid parameter type for 'shade-or-level', expected: ShadeOrLevel")
        // Other optional members.
        XCTAssertEqual(
            decodingError(Tool.self, #"{"id": "a", "weight": 1, "shade": null}"#),
            "Invalid parameter type for 'shade', expected: string")
        XCTAssertEqual(
            decodingError(Folder.self, #"{"name": "a", "parent": null}"#),
            "Invalid parameter type for 'parent', expected: object")
        XCTAssertEqual(
            decodingError(Folder.self, #"{"name": "a", "children": null}"#),
            "Invalid parameter type for 'children', expected: array")
        XCTAssertEqual(
            decodingError(Item.self, #"{"kind": "case", "label": "a", "count": null}"#),
            "Parameter 'count' expects uint64")
        XCTAssertEqual(
            decodingError(TakeAll.self, takeAll(#""note": null"#)),
            "Invalid parameter type for 'note', expected: object")
    }

    // MARK: A12

    func testA12MembersRejectedByPolicy() {
        XCTAssertEqual(decodingError(Deprecations.self, "{}"), "Parameter 'old-required' is missing")
        // A required member is checked even when absent, an optional one only when present.
        XCTAssertEqual(
            decodingError(Deprecations.self, "{}", policy: rejectDeprecated),
            "Deprecated parameter old-required disabled by policy")
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"old": 1, "old-required": 2}"#, policy: rejectDeprecated),
            "Deprecated parameter old disabled by policy")
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"trial": "t", "old-required": 1}"#, policy: rejectUnstable),
            "Unstable parameter trial disabled by policy")
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"both": true, "old-required": 1}"#, policy: rejectUnstable),
            "Unstable parameter both disabled by policy")
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"both": true, "old-required": 1}"#, policy: rejectBoth),
            "Deprecated parameter both disabled by policy")
        // 'maybe-old' is deprecated only under CONFIG_GAMMA: it passes, the next member fails.
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"maybe-old": 1, "old-required": 1}"#, policy: rejectDeprecated),
            "Deprecated parameter old-required disabled by policy")
        XCTAssertEqual(
            decoded(
                Deprecations.self, #"{"plain": 1, "old": 2, "maybe-old": 3, "old-required": 4}"#, policy: rejectUnstable
            ),
            Deprecations(plain: 1, old: 2, maybeOld: 3, oldRequired: 4))
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"old-required": 1, "trial-list": []}"#, policy: rejectUnstable),
            "Unstable parameter trial-list disabled by policy")
        // The short name, wherever the member is.
        XCTAssertEqual(
            decodingError(
                TakeAll.self, takeAll(#""feature-alt": {"old-required": 1, "old": 1}"#), policy: rejectDeprecated),
            "Deprecated parameter old disabled by policy")
        XCTAssertEqual(
            decodingError(
                Commands.Tune.Arguments.self, #"{"level": 1, "legacy-level": 2, "required-old": 3}"#,
                policy: rejectDeprecated),
            "Deprecated parameter legacy-level disabled by policy")
        XCTAssertEqual(
            decodingError(Commands.Tune.Arguments.self, #"{"level": 1}"#, policy: rejectDeprecated),
            "Deprecated parameter required-old disabled by policy")
        XCTAssertEqual(
            decodingError(Events.NewEvent.self, "{}", policy: rejectDeprecated),
            "Deprecated parameter detail disabled by policy")
        // Member errors before the policy check of a later member.
        XCTAssertEqual(
            decodingError(Deprecations.self, #"{"plain": "x"}"#, policy: rejectBoth),
            "Invalid parameter type for 'plain', expected: integer")
    }
}
