import QAPIRuntime
import XCTest

/// The generated commands end to end: `Commands.register` puts them in a
/// registry, raw requests go through `QMPCommandRegistry.dispatch`, and
/// the generated marshallers decode arguments, call `WorkshopHandler`
/// and encode results.
final class CommandDispatchTests: XCTestCase {
    private var handler = WorkshopHandler()
    private var registry = QMPCommandRegistry()

    override func setUp() {
        super.setUp()
        handler = WorkshopHandler()
        registry = QMPCommandRegistry()
        Commands.register(handler, into: &registry)
    }

    /// The response to request `text` in its compact form with members in
    /// insertion order (so a result's members show the generated order),
    /// or `none` when there is no response.
    private func respond(
        _ text: Swift.String, oob: Bool = false, policy: QMPDispatchPolicy = QMPDispatchPolicy(),
        file: StaticString = #filePath, line: UInt = #line
    ) async -> Swift.String {
        let response = await registry.dispatch(json(text, file: file, line: line), oobEnabled: oob, policy: policy)
        return response.map { JSONWriter().string($0.json) } ?? "none"
    }

    /// The wire form of an error response.
    private func failure(
        _ desc: Swift.String, _ errorClass: Swift.String = "GenericError", id: Swift.String? = nil
    ) -> Swift.String {
        let error = #""error": {"class": "\#(errorClass)", "desc": "\#(desc)"}"#
        return id.map { "{\(error), \"id\": \($0)}" } ?? "{\(error)}"
    }

    // MARK: Registration

    func testRegisterAddsEveryGeneratedCommandOnceInSchemaOrder() {
        XCTAssertEqual(
            registry.commands.map(\.name),
            [
                "ping", "ping-empty", "add-tool", "inspect", "inspect-blank", "inspect-boxed", "store", "store-blank",
                "count-items", "echo-any", "list-labels", "pick-setting", "measure", "fire-and-forget", "interrupt",
                "early-setup", "oob-anytime", "slow-sum", "slow-boxed", "import", "self", "legacy_ping",
                "__org.example_frob", "old-way", "new-way", "both-ways", "no-features", "cond-features", "tune",
                "cond-on", "cond-not-any", "cond-args", "cond-boxed", "cond-alternate", "take-all", "sub-command",
                "leaf-count", "query-qmp-schema",
            ])
        // 'gen': false: no handler method, not registered (query-qmp-schema
        // is answered by the introspection data instead).
        XCTAssertNil(registry["hand-written"])
        // Not built: CONFIG_GAMMA is undefined.
        XCTAssertNil(registry["cond-off"])
    }

    func testNamesFlagsAndFeatures() {
        XCTAssertEqual(Commands.Ping.name, "ping")
        XCTAssertEqual(Commands.Import.name, "import")
        XCTAssertEqual(Commands.Self_.name, "self")
        XCTAssertEqual(Commands.LegacyPing.name, "legacy_ping")
        XCTAssertEqual(Commands.OrgExampleFrob.name, "__org.example_frob")
        XCTAssertEqual(Commands.HandWritten.name, "hand-written")
        XCTAssertEqual(Commands.QueryQmpSchema.name, "query-qmp-schema")
        XCTAssertEqual(Commands.Ping.flags, [])
        XCTAssertEqual(Commands.FireAndForget.flags, .noSuccessResponse)
        XCTAssertEqual(Commands.Interrupt.flags, .allowOOB)
        XCTAssertEqual(Commands.EarlySetup.flags, .allowPreconfig)
        XCTAssertEqual(Commands.OobAnytime.flags, [.allowOOB, .allowPreconfig])
        XCTAssertEqual(Commands.SlowSum.flags, .coroutine)
        XCTAssertEqual(Commands.SlowBoxed.flags, [.coroutine, .allowPreconfig])
        XCTAssertEqual(Commands.QueryQmpSchema.flags, .allowPreconfig)
        XCTAssertEqual(Commands.OldWay.features, .deprecated)
        XCTAssertEqual(Commands.NewWay.features, .unstable)
        XCTAssertEqual(Commands.BothWays.features, [.deprecated, .unstable])
        XCTAssertEqual(Commands.NoFeatures.features, [])
        // 'deprecated' under CONFIG_GAMMA, 'unstable' under CONFIG_ALPHA.
        XCTAssertEqual(Commands.CondFeatures.features, .unstable)
        for command in registry.commands where command.name != "query-qmp-schema" {
            let expected: QMPCommandFlags =
                switch command.name {
                case "fire-and-forget": .noSuccessResponse
                case "interrupt": .allowOOB
                case "early-setup": .allowPreconfig
                case "oob-anytime": [.allowOOB, .allowPreconfig]
                case "slow-sum": .coroutine
                case "slow-boxed": [.coroutine, .allowPreconfig]
                default: []
                }
            XCTAssertEqual(command.flags, expected, command.name)
        }
        XCTAssertEqual(registry["both-ways"]?.features, [.deprecated, .unstable])
        XCTAssertEqual(registry["cond-features"]?.features, .unstable)
    }

    // MARK: Arguments and results

    func testCommandsWithoutArguments() async {
        let pong = await respond(#"{"execute": "ping", "id": 1}"#)
        XCTAssertEqual(pong, #"{"return": {}, "id": 1}"#)
        let empty = await respond(#"{"execute": "ping", "arguments": {}}"#)
        XCTAssertEqual(empty, #"{"return": {}}"#)
        let emptyData = await respond(#"{"execute": "ping-empty", "id": "e"}"#)
        XCTAssertEqual(emptyData, #"{"return": {}, "id": "e"}"#)
        // Spec A11 / R9: any key is unexpected, and the handler does not run.
        let extra = await respond(#"{"execute": "ping", "arguments": {"x": 1}, "id": 2}"#)
        XCTAssertEqual(extra, failure("Parameter 'x' is unexpected", id: "2"))
        let extraEmpty = await respond(#"{"execute": "ping-empty", "arguments": {"force": true}}"#)
        XCTAssertEqual(extraEmpty, failure("Parameter 'force' is unexpected"))
        let extraSelf = await respond(#"{"execute": "self", "arguments": {"self": null}}"#)
        XCTAssertEqual(extraSelf, failure("Parameter 'self' is unexpected"))
        XCTAssertEqual(handler.log, ["ping", "ping", "ping-empty"])
    }

    func testArgumentsAndAStructuredResult() async {
        let added = await respond(
            #"{"execute": "add-tool", "arguments": {"note": "claw", "tool": {"weight": 5, "id": "h"}}, "id": "a"}"#)
        XCTAssertEqual(added, #"{"return": {"kind": "tool", "label": "claw", "id": "h", "weight": 5}, "id": "a"}"#)
        let missing = await respond(#"{"execute": "add-tool", "arguments": {"tool": {"id": "h"}}}"#)
        XCTAssertEqual(missing, failure("Parameter 'tool.weight' is missing"))
        let none = await respond(#"{"execute": "add-tool"}"#)
        XCTAssertEqual(none, failure("Parameter 'tool' is missing"))
        XCTAssertEqual(handler.log, [#"add-tool {"id": "h", "weight": 5} claw"#])
    }

    func testArgumentsFromANamedStruct() async {
        let inspected = await respond(#"{"execute": "inspect", "arguments": {"id": "saw", "weight": 21}}"#)
        XCTAssertEqual(inspected, #"{"return": {"id": "SAW", "weight": 42, "shade": "light"}}"#)
        let extra = await respond(#"{"execute": "inspect", "arguments": {"id": "saw", "weight": 1, "watts": 1}}"#)
        XCTAssertEqual(extra, failure("Parameter 'watts' is unexpected"))
        let range = await respond(#"{"execute": "inspect", "arguments": {"id": "saw", "weight": -1}}"#)
        XCTAssertEqual(range, failure("Parameter 'weight' expects uint32"))
        let blank = await respond(#"{"execute": "inspect-blank", "arguments": {}}"#)
        XCTAssertEqual(blank, #"{"return": {}}"#)
        let blankExtra = await respond(#"{"execute": "inspect-blank", "arguments": {"a": 1}}"#)
        XCTAssertEqual(blankExtra, failure("Parameter 'a' is unexpected"))
        XCTAssertEqual(handler.log, ["inspect saw 21 -", "inspect-blank"])
    }

    func testBoxedArguments() async {
        let boxed = await respond(
            #"{"execute": "inspect-boxed", "arguments": {"watts": 9, "id": "d", "weight": 3, "cordless": true}}"#)
        XCTAssertEqual(boxed, #"{"return": [{"id": "d", "weight": 3}, {"id": "motor", "weight": 9}]}"#)
        let union = await respond(
            #"{"execute": "store", "arguments": {"kind": "material", "label": "oak", "amount": 2, "grade": 1}, "id": 3}"#
        )
        XCTAssertEqual(union, #"{"return": {}, "id": 3}"#)
        let noKind = await respond(#"{"execute": "store", "arguments": {"label": "oak"}}"#)
        XCTAssertEqual(noKind, failure("Parameter 'kind' is missing"))
        let badBranch = await respond(
            #"{"execute": "store", "arguments": {"kind": "gizmo", "label": "g", "gears": -1}}"#)
        XCTAssertEqual(badBranch, failure("Parameter 'gears' expects uint8"))
        let blank = await respond(#"{"execute": "store-blank"}"#)
        XCTAssertEqual(blank, #"{"return": {}}"#)
        let blankExtra = await respond(#"{"execute": "store-blank", "arguments": {"x": []}}"#)
        XCTAssertEqual(blankExtra, failure("Parameter 'x' is unexpected"))
        XCTAssertEqual(
            handler.log,
            [
                #"inspect-boxed {"id": "d", "weight": 3, "watts": 9, "cordless": true}"#,
                #"store {"kind": "material", "label": "oak", "amount": 2, "grade": 1}"#,
                "store-blank {}",
            ])
    }

    func testResultsThatAreNotObjects() async {
        let count = await respond(#"{"execute": "count-items"}"#)
        XCTAssertEqual(count, #"{"return": 3}"#)
        let counted = await respond(#"{"execute": "count-items", "arguments": {"kind": "power-tool"}}"#)
        XCTAssertEqual(counted, #"{"return": -1}"#)
        let echo = await respond(#"{"execute": "echo-any", "arguments": {"value": [1, {"a": null}, "s"]}}"#)
        XCTAssertEqual(echo, #"{"return": [1, {"a": null}, "s"]}"#)
        let echoNull = await respond(#"{"execute": "echo-any", "arguments": {"value": null}}"#)
        XCTAssertEqual(echoNull, #"{"return": null}"#)
        let echoMissing = await respond(#"{"execute": "echo-any"}"#)
        XCTAssertEqual(echoMissing, failure("Parameter 'value' is missing"))
        let labels = await respond(#"{"execute": "list-labels"}"#)
        XCTAssertEqual(labels, #"{"return": ["red", "blue"]}"#)
        let setting = await respond(#"{"execute": "pick-setting", "arguments": {"setting": [4, 5]}}"#)
        XCTAssertEqual(setting, #"{"return": [4, 5]}"#)
        let dark = await respond(#"{"execute": "pick-setting", "arguments": {"setting": "dark"}}"#)
        XCTAssertEqual(dark, #"{"return": "dark"}"#)
        let area = await respond(
            #"{"execute": "measure", "arguments": {"shape": {"kind": "angular", "corners": "four", "side": 1.5}, "scale": 2}}"#
        )
        XCTAssertEqual(area, #"{"return": 4.5}"#)
        let leaf = await respond(#"{"execute": "leaf-count"}"#)
        XCTAssertEqual(leaf, #"{"return": 7}"#)
    }

    func testHandlerErrors() async {
        let full = await respond(#"{"execute": "store", "arguments": {"kind": "case", "label": "full"}, "id": [1]}"#)
        XCTAssertEqual(full, failure("The shelf is full", id: "[1]"))
        let inactive = await respond(
            #"{"execute": "measure", "arguments": {"shape": {"kind": "round", "radius": 1}, "scale": 0}}"#)
        XCTAssertEqual(inactive, failure("Scale 0 is not allowed", "DeviceNotActive"))
        let slow = await respond(#"{"execute": "slow-boxed", "arguments": {"id": "n", "form": "empty"}}"#)
        XCTAssertEqual(slow, failure("An empty note cannot be slow"))
    }

    // MARK: Flags

    func testSuccessResponseFalse() async {
        let sent = await respond(#"{"execute": "fire-and-forget", "arguments": {"tag": "t"}, "id": 1}"#)
        XCTAssertEqual(sent, "none")
        // Errors are still answered: the handler's and the arguments'.
        let failed = await respond(#"{"execute": "fire-and-forget", "arguments": {"tag": "fail"}, "id": 2}"#)
        XCTAssertEqual(failed, failure("No target for tag fail", "DeviceNotFound", id: "2"))
        let bad = await respond(#"{"execute": "fire-and-forget", "arguments": {}, "id": 3}"#)
        XCTAssertEqual(bad, failure("Parameter 'tag' is missing", id: "3"))
        XCTAssertEqual(handler.log, ["fire-and-forget t", "fire-and-forget fail"])
    }

    func testOutOfBand() async {
        let request = json(#"{"exec-oob": "interrupt", "arguments": {"reason": "now"}, "id": "x"}"#)
        XCTAssertTrue(QMPRequest.isOutOfBand(request))
        let response = registry.dispatchOutOfBand(request, oobEnabled: true, policy: QMPDispatchPolicy())
        XCTAssertEqual(response.map { JSONWriter().string($0.json) }, #"{"return": {}, "id": "x"}"#)
        let stock = registry.dispatchOutOfBand(
            json(#"{"exec-oob": "oob-anytime"}"#), oobEnabled: true, policy: QMPDispatchPolicy())
        XCTAssertEqual(stock.map { JSONWriter().string($0.json) }, #"{"return": {"amount": 0.5}}"#)
        let badArgument = registry.dispatchOutOfBand(
            json(#"{"exec-oob": "interrupt", "arguments": {"reason": 1}}"#), oobEnabled: true,
            policy: QMPDispatchPolicy())
        XCTAssertEqual(
            badArgument.map { JSONWriter().string($0.json) },
            failure("Invalid parameter type for 'reason', expected: string"))
        // An allow-oob command runs in-band too; others refuse exec-oob.
        let inBand = await respond(#"{"execute": "interrupt"}"#, oob: true)
        XCTAssertEqual(inBand, #"{"return": {}}"#)
        let refused = await respond(#"{"exec-oob": "ping", "id": 4}"#, oob: true)
        XCTAssertEqual(refused, failure("The command ping does not support OOB", id: "4"))
        XCTAssertEqual(handler.log, ["interrupt now", "oob-anytime", "interrupt -"])
    }

    func testPreconfig() async {
        let preconfig = QMPDispatchPolicy(machineReady: false)
        let early = await respond(#"{"execute": "early-setup"}"#, policy: preconfig)
        XCTAssertEqual(early, #"{"return": {}}"#)
        let anytime = await respond(#"{"execute": "oob-anytime"}"#, policy: preconfig)
        XCTAssertEqual(anytime, #"{"return": {"amount": 0.5}}"#)
        let slow = await respond(
            #"{"execute": "slow-boxed", "arguments": {"id": "n", "form": "plain", "text": "t"}}"#, policy: preconfig)
        XCTAssertEqual(slow, #"{"return": {}}"#)
        let ping = await respond(#"{"execute": "ping"}"#, policy: preconfig)
        XCTAssertEqual(ping, failure("The command 'ping' is permitted only after machine initialization has completed"))
        let interrupt = await respond(#"{"execute": "interrupt"}"#, policy: preconfig)
        XCTAssertEqual(
            interrupt, failure("The command 'interrupt' is permitted only after machine initialization has completed"))
        XCTAssertEqual(
            handler.log, ["early-setup", "oob-anytime", #"slow-boxed {"id": "n", "form": "plain", "text": "t"}"#])
    }

    func testCoroutineCommandsAreAwaited() async {
        let sum = await respond(#"{"execute": "slow-sum", "arguments": {"values": [1, 2, 39]}, "id": 1}"#)
        XCTAssertEqual(sum, #"{"return": {"amount": 42}, "id": 1}"#)
        let bad = await respond(#"{"execute": "slow-sum", "arguments": {"values": [1, "2"]}}"#)
        XCTAssertEqual(bad, failure("Invalid parameter type for 'values[1]', expected: integer"))
        XCTAssertEqual(handler.log, ["slow-sum [1, 2, 39]"])
    }

    // MARK: Compat policy

    func testCommandsRejectedByPolicy() async {
        let deprecated = QMPDispatchPolicy(compat: rejectDeprecated)
        let unstable = QMPDispatchPolicy(compat: rejectUnstable)
        let both = QMPDispatchPolicy(compat: rejectBoth)
        let old = await respond(#"{"execute": "old-way", "id": 1}"#, policy: deprecated)
        XCTAssertEqual(old, failure("Deprecated command old-way disabled by policy", "CommandNotFound", id: "1"))
        let oldAllowed = await respond(#"{"execute": "old-way"}"#, policy: unstable)
        XCTAssertEqual(oldAllowed, #"{"return": {}}"#)
        let new = await respond(#"{"execute": "new-way"}"#, policy: unstable)
        XCTAssertEqual(new, failure("Unstable command new-way disabled by policy", "CommandNotFound"))
        let bothWays = await respond(#"{"execute": "both-ways"}"#, policy: both)
        XCTAssertEqual(bothWays, failure("Deprecated command both-ways disabled by policy", "CommandNotFound"))
        let bothUnstable = await respond(#"{"execute": "both-ways"}"#, policy: unstable)
        XCTAssertEqual(bothUnstable, failure("Unstable command both-ways disabled by policy", "CommandNotFound"))
        let conditional = await respond(#"{"execute": "cond-features"}"#, policy: deprecated)
        XCTAssertEqual(conditional, #"{"return": {}}"#)
        let conditionalUnstable = await respond(#"{"execute": "cond-features"}"#, policy: unstable)
        XCTAssertEqual(
            conditionalUnstable, failure("Unstable command cond-features disabled by policy", "CommandNotFound"))
        let noFeatures = await respond(#"{"execute": "no-features"}"#, policy: both)
        XCTAssertEqual(noFeatures, #"{"return": {}}"#)
        XCTAssertEqual(handler.log, ["old-way", "cond-features", "no-features"])
    }

    func testArgumentsRejectedByPolicy() async {
        let deprecated = QMPDispatchPolicy(compat: rejectDeprecated)
        let legacy = await respond(
            #"{"execute": "tune", "arguments": {"level": 1, "legacy-level": 2, "required-old": 3}}"#, policy: deprecated
        )
        XCTAssertEqual(legacy, failure("Deprecated parameter legacy-level disabled by policy"))
        let required = await respond(#"{"execute": "tune", "arguments": {"level": 1}}"#, policy: deprecated)
        XCTAssertEqual(required, failure("Deprecated parameter required-old disabled by policy"))
        let value = await respond(
            #"{"execute": "tune", "arguments": {"level": 1, "gauge": "ancient", "required-old": 3}}"#,
            policy: QMPDispatchPolicy(compat: rejectUnstable))
        XCTAssertEqual(value, #"{"return": {"plain": 1, "old-required": 3, "new-gauge": "ancient"}}"#)
        let rejectedValue = await respond(
            #"{"execute": "tune", "arguments": {"level": 1, "gauge": "ancient", "required-old": 3}}"#,
            policy: deprecated)
        XCTAssertEqual(rejectedValue, failure("Deprecated value ancient disabled by policy"))
        let trial = await respond(
            #"{"execute": "tune", "arguments": {"level": 1, "trial": "t", "required-old": 3}}"#,
            policy: QMPDispatchPolicy(compat: rejectUnstable))
        XCTAssertEqual(trial, failure("Unstable parameter trial disabled by policy"))
        XCTAssertEqual(handler.log, ["tune"])
    }

    // MARK: Names

    func testKeywordNamedCommandAndArguments() async {
        let imported = await respond(
            #"{"execute": "import", "arguments": {"in": "i", "self": 1, "default": true, "inout": 2, "var": 3, "let": 4, "type": "dark", "class": "c", "protocol": "unix", "init": 5}}"#
        )
        XCTAssertEqual(
            imported,
            #"{"return": {"default": 1, "protocol": "unix", "class": true, "in": 5, "self": "i", "type": "dark", "init": 2, "var": 3, "let": 4, "async": "c"}}"#
        )
        let minimal = await respond(#"{"execute": "import", "arguments": {"in": "", "self": 0, "default": false}}"#)
        XCTAssertEqual(
            minimal,
            #"{"return": {"default": 0, "protocol": "-", "class": false, "in": 0, "self": "", "type": "light", "init": 0}}"#
        )
        let swiftName = await respond(#"{"execute": "import", "arguments": {"in": "", "self_": 0, "default": false}}"#)
        XCTAssertEqual(swiftName, failure("Parameter 'self' is missing"))
        let selfCommand = await respond(#"{"execute": "self"}"#)
        XCTAssertEqual(selfCommand, #"{"return": {}}"#)
        let legacy = await respond(#"{"execute": "legacy_ping"}"#)
        XCTAssertEqual(legacy, #"{"return": {}}"#)
        let dashed = await respond(#"{"execute": "legacy-ping"}"#)
        XCTAssertEqual(dashed, failure("The command legacy-ping has not been found", "CommandNotFound"))
        XCTAssertEqual(handler.log, ["import", "import", "self", "legacy_ping"])
    }

    func testDownstreamCommand() async {
        let frob = await respond(
            #"{"execute": "__org.example_frob", "arguments": {"a": ["plain", "__org.example_value"], "b": [{"__org.example_member1": "plain", "__org.example_member2": "x"}], "c": {"__org.example_member1": "plain"}, "d": {"__org.example_member1": "__org.example_value"}, "e": "only"}}"#
        )
        XCTAssertEqual(frob, #"{"return": {}}"#)
        XCTAssertEqual(
            handler.log,
            [
                #"frob ["plain", "__org.example_value"] [{"__org.example_member1": "plain", "__org.example_member2": "x"}] {"__org.example_member1": "plain"} {"__org.example_member1": "__org.example_value"} "only""#
            ])
    }

    func testConditionalCommandsAndArguments() async {
        let on = await respond(#"{"execute": "cond-on"}"#)
        XCTAssertEqual(on, #"{"return": {}}"#)
        let notAny = await respond(#"{"execute": "cond-not-any"}"#)
        XCTAssertEqual(notAny, #"{"return": {}}"#)
        let off = await respond(#"{"execute": "cond-off"}"#)
        XCTAssertEqual(off, failure("The command cond-off has not been found", "CommandNotFound"))
        let args = await respond(#"{"execute": "cond-args", "arguments": {"always": 1, "sometimes": 2}}"#)
        XCTAssertEqual(args, #"{"return": {}}"#)
        let never = await respond(#"{"execute": "cond-args", "arguments": {"always": 1, "never": 2}}"#)
        XCTAssertEqual(never, failure("Parameter 'never' is unexpected"))
        let boxed = await respond(#"{"execute": "cond-boxed", "arguments": {"always": 1, "alpha": 2, "beta": "b"}}"#)
        XCTAssertEqual(boxed, #"{"return": {"type": "alpha", "note": "b", "radius": 2}}"#)
        let alternate = await respond(#"{"execute": "cond-alternate", "arguments": {"arg": {"id": "t"}}}"#)
        XCTAssertEqual(alternate, #"{"return": {}}"#)
        let gone = await respond(#"{"execute": "cond-alternate", "arguments": {"arg": false}}"#)
        XCTAssertEqual(gone, failure("Invalid parameter type for 'arg', expected: CondAlternate"))
        XCTAssertEqual(
            handler.log,
            [
                "cond-on", "cond-not-any", #"cond-args {"always": 1, "sometimes": 2}"#,
                #"cond-boxed {"always": 1, "alpha": 2, "beta": "b"}"#, #"cond-alternate {"id": "t"}"#,
            ])
    }

    func testEveryKindOfArgument() async {
        let request = #"""
            {"execute": "take-all", "arguments": {
              "scalars": \#(validScalars),
              "optional": {}, "lists": {"s": [], "i": [], "i8": [], "i16": [], "i32": [], "i64": [], "u8": [], "u16": [], "u32": [], "u64": [], "sz": [], "num": [], "flag": []},
              "grid": {"rows": []}, "note": {"id": "n", "form": "empty"}, "shape": {"kind": "round", "radius": 1},
              "marker": {"type": "dark"}, "tiny": null, "keywords": {"default": 1, "protocol": "p", "class": true, "in": 2, "self": "s", "type": "light", "init": 3},
              "record": {"serial_no": 1, "serialno": 2, "SERIAL": 3, "node-name": "a", "nodename": "b", "x-node": 4, "xnode": 5, "in-it": 6, "i-s": true, "self-ref": 7, "Mixed-Case": "m"},
              "folder": {"name": "f"}, "tree": 1, "string": {"str": "s"}, "type": {"name": "n", "type": "t", "of": {"str": "o"}},
              "hashable": {"hash": 1, "kind": "tcp"}, "measurement": {"gauge": "fine"}, "kw-union": {"type": "nil"},
              "kw-alt": null, "shade-or-level": 1, "flag-or-shade": true, "item-or-name": "n", "size-or-list": 1,
              "ranges": {}, "no-features": {"x": 1}, "odd": {"namespace-test": 1}, "cond-features": {"x": 1},
              "cond": {"always": 1, "alpha": 2}, "cond-union": {"type": "base", "id": "b"},
              "feature-alt": {"old-required": 1}, "keyword-enum": "1st", "present": "on-value", "leftovers": {"kept": 1},
              "json-object": {"keys": ["k"]}}}
            """#
        let response = await respond(request)
        XCTAssertEqual(
            response,
            #"{"return": {"s": "text!", "i": 1, "i8": 1, "i16": 1, "i32": 1, "i64": 1, "u8": 1, "u16": 1, "u32": 1, "u64": 1, "sz": 1, "num": 1.5, "flag": true, "nothing": null, "blob": {}}}"#
        )
        XCTAssertEqual(
            handler.log,
            [
                "take-all optional,lists,grid,note,shape,marker,tiny,keywords,record,folder,tree,string,type,hashable,measurement,kw-union,kw-alt,shade-or-level,flag-or-shade,item-or-name,size-or-list,ranges,no-features,odd,cond-features,cond,cond-union,feature-alt,keyword-enum,present,leftovers,json-object"
            ])
        let nothing = await respond(
            #"{"execute": "take-all", "arguments": {"scalars": \#(validScalars), "nothing": "x"}}"#)
        XCTAssertEqual(nothing, failure("Parameter 'nothing' does not accept value 'x'"))
    }

    func testSubModuleCommand() async {
        let response = await respond(
            #"{"execute": "sub-command", "arguments": {"origin": {"country": "FI", "label": "red-tag"}, "case": "Mixed_Case"}}"#
        )
        XCTAssertEqual(response, #"{"return": {"kept": 1, "forgotten": "Mixed_Case"}}"#)
        let badCase = await respond(
            #"{"execute": "sub-command", "arguments": {"origin": {"country": "FI"}, "case": "mixed_case"}}"#)
        XCTAssertEqual(badCase, failure("Parameter 'case' does not accept value 'mixed_case'"))
        XCTAssertEqual(handler.log, [#"sub-command {"country": "FI", "label": "red-tag"}"#])
    }

    // MARK: Hand-written commands

    func testAGenFalseCommandWrittenByHand() async {
        let before = await respond(#"{"execute": "hand-written", "arguments": {"x": 1}}"#)
        XCTAssertEqual(before, failure("The command hand-written has not been found", "CommandNotFound"))
        registry.register(
            QMPCommand(
                name: Commands.HandWritten.name, flags: Commands.HandWritten.flags, schema: Commands.HandWritten.schema,
                body: .inBand { object, policy throws(QMPError) in
                    let arguments = try QAPIDecoder.decode(
                        Commands.HandWritten.Arguments.self, from: .object(object), policy: policy)
                    return .int(arguments.x * 10)
                }))
        let after = await respond(#"{"execute": "hand-written", "arguments": {"x": 4}}"#)
        XCTAssertEqual(after, #"{"return": 40}"#)
        let bad = await respond(#"{"execute": "hand-written", "arguments": {"x": 4.5}}"#)
        XCTAssertEqual(bad, failure("Invalid parameter type for 'x', expected: integer"))
    }

    /// `query-qmp-schema` describes the commands served: the `gen: false`
    /// command is listed once it is registered, and then the answer is
    /// the whole generated schema.
    func testQueryQMPSchemaDescribesTheServedCommands() async {
        let partial = await registry.dispatch(
            json(#"{"execute": "query-qmp-schema", "id": 9}"#), oobEnabled: false,
            policy: QMPDispatchPolicy(machineReady: false))
        guard case .success(.array(let entries))? = partial?.result else { return XCTFail("no schema") }
        let names = entries.compactMap { $0["name"]?.stringValue }
        XCTAssertFalse(names.contains("hand-written"))
        XCTAssertTrue(names.contains("ping"))
        registry.register(Commands.HandWritten.self) { _ in QAPIEmpty() }
        let response = await registry.dispatch(
            json(#"{"execute": "query-qmp-schema", "id": 9}"#), oobEnabled: false,
            policy: QMPDispatchPolicy(machineReady: false))
        XCTAssertEqual(response, QMPResponse(id: 9, result: .success(Introspection.schema.value)))
        let extra = await respond(#"{"execute": "query-qmp-schema", "arguments": {"x": 1}}"#)
        XCTAssertEqual(extra, failure("Parameter 'x' is unexpected"))
        XCTAssertEqual(handler.log, [])
    }
}
