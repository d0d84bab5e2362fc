import QAPIRuntime

/// The test implementation of the generated `CommandHandler`: each
/// method records how it was called (arguments re-encoded as JSON) and
/// answers something derived from its arguments.
final class WorkshopHandler: CommandHandler {
    private let calls = QAPILock<[Swift.String]>([])

    /// Every call so far, in order.
    var log: [Swift.String] { calls.withLock { $0 } }

    private func record(_ call: Swift.String) {
        calls.withLock { $0.append(call) }
    }

    private func record(_ name: Swift.String, _ arguments: some QAPIEncodable) {
        record(name + " " + wire(arguments))
    }

    func ping(_ arguments: Commands.Ping.Arguments) async throws {
        record("ping")
    }

    func pingEmpty(_ arguments: Commands.PingEmpty.Arguments) async throws {
        record("ping-empty")
    }

    func addTool(_ arguments: Commands.AddTool.Arguments) async throws -> Item {
        let tool = arguments.tool
        let note = arguments.note
        record("add-tool " + wire(tool) + " " + (note ?? "-"))
        return Item(label: note ?? tool.id, branch: .tool(tool))
    }

    func inspect(_ arguments: Commands.Inspect.Arguments) async throws -> Tool {
        let id = arguments.id
        let weight = arguments.weight
        let shade = arguments.shade
        record("inspect \(id) \(weight) \(shade?.rawValue ?? "-")")
        return Tool(id: id.uppercased(), weight: weight * 2, shade: shade ?? .light)
    }

    func inspectBlank(_ arguments: Commands.InspectBlank.Arguments) async throws -> BlankToo {
        record("inspect-blank")
        return BlankToo()
    }

    func inspectBoxed(_ arguments: Commands.InspectBoxed.Arguments) async throws -> [Tool] {
        record("inspect-boxed", arguments)
        return [Tool(id: arguments.id, weight: arguments.weight), Tool(id: "motor", weight: UInt32(arguments.watts))]
    }

    func store(_ arguments: Commands.Store.Arguments) async throws {
        record("store", arguments)
        if arguments.label == "full" { throw QMPError.generic("The shelf is full") }
    }

    func storeBlank(_ arguments: Commands.StoreBlank.Arguments) async throws {
        record("store-blank", arguments)
    }

    func countItems(_ arguments: Commands.CountItems.Arguments) async throws -> Int64 {
        let kind = arguments.kind
        record("count-items \(kind?.rawValue ?? "-")")
        return kind == nil ? 3 : -1
    }

    func echoAny(_ arguments: Commands.EchoAny.Arguments) async throws -> JSONValue {
        let value = arguments.value
        record("echo-any " + JSONWriter().string(value))
        return value
    }

    func listLabels(_ arguments: Commands.ListLabels.Arguments) async throws -> [Swift.String] {
        record("list-labels")
        return ["red", "blue"]
    }

    func pickSetting(_ arguments: Commands.PickSetting.Arguments) async throws -> Setting {
        let setting = arguments.setting
        record("pick-setting", setting)
        return setting
    }

    func measure(_ arguments: Commands.Measure.Arguments) async throws -> Double {
        let shape = arguments.shape
        let scale = arguments.scale
        record("measure", shape)
        if scale == 0 { throw QMPError(.deviceNotActive, "Scale 0 is not allowed") }
        let factor = scale ?? 1
        switch shape.branch {
        case .round(let circle): return circle.radius * circle.radius * 3 * factor
        case .angular(let angular):
            switch angular.branch {
            case .three(let triangle): return (triangle.a + triangle.b + triangle.c) * factor
            case .four(let square): return square.side * square.side * factor
            case .unknown(let name): throw QMPError.generic("unknown angle count \(name)")
            }
        case .unknown(let name): throw QMPError.generic("unknown shape \(name)")
        }
    }

    func fireAndForget(_ arguments: Commands.FireAndForget.Arguments) async throws {
        let tag = arguments.tag
        record("fire-and-forget \(tag)")
        if tag == "fail" { throw QMPError(.deviceNotFound, "No target for tag fail") }
    }

    func interrupt(_ arguments: Commands.Interrupt.Arguments) throws {
        let reason = arguments.reason
        record("interrupt \(reason ?? "-")")
    }

    func earlySetup(_ arguments: Commands.EarlySetup.Arguments) async throws {
        record("early-setup")
    }

    func oobAnytime(_ arguments: Commands.OobAnytime.Arguments) throws -> Stock {
        record("oob-anytime")
        return Stock(amount: 0.5)
    }

    func slowSum(_ arguments: Commands.SlowSum.Arguments) async throws -> Stock {
        let values = arguments.values
        await Task.yield()
        record("slow-sum \(values)")
        return Stock(amount: Double(values.reduce(0, +)))
    }

    func slowBoxed(_ arguments: Commands.SlowBoxed.Arguments) async throws {
        await Task.yield()
        record("slow-boxed", arguments)
        if arguments.branch == .empty { throw QMPError.generic("An empty note cannot be slow") }
    }

    func `import`(_ arguments: Commands.Import.Arguments) async throws -> Keywords {
        let `in` = arguments.`in`
        let self_ = arguments.self_
        let `default` = arguments.`default`
        let `inout` = arguments.`inout`
        let `var` = arguments.`var`
        let `let` = arguments.`let`
        let type = arguments.type
        let `class` = arguments.`class`
        let `protocol` = arguments.`protocol`
        let init_ = arguments.init_
        record("import")
        return Keywords(
            default: self_, protocol: `protocol`?.rawValue ?? "-", class: `default`, in: init_ ?? 0, self_: `in`,
            type: type ?? .light, init_: `inout` ?? 0, var: `var`, let: `let`, async: `class`)
    }

    func self_(_ arguments: Commands.Self_.Arguments) async throws {
        record("self")
    }

    func legacyPing(_ arguments: Commands.LegacyPing.Arguments) async throws {
        record("legacy_ping")
    }

    func orgExampleFrob(_ arguments: Commands.OrgExampleFrob.Arguments) async throws {
        let a = arguments.a
        let b = arguments.b
        let c = arguments.c
        let d = arguments.d
        let e = arguments.e
        record("frob " + wire(a) + " " + wire(b) + " " + wire(c) + " " + wire(d) + " " + (e.map { wire($0) } ?? "-"))
    }

    func oldWay(_ arguments: Commands.OldWay.Arguments) async throws {
        record("old-way")
    }

    func newWay(_ arguments: Commands.NewWay.Arguments) async throws {
        record("new-way")
    }

    func bothWays(_ arguments: Commands.BothWays.Arguments) async throws {
        record("both-ways")
    }

    func noFeatures(_ arguments: Commands.NoFeatures.Arguments) async throws {
        record("no-features")
    }

    func condFeatures(_ arguments: Commands.CondFeatures.Arguments) async throws {
        record("cond-features")
    }

    func tune(_ arguments: Commands.Tune.Arguments) async throws -> Deprecations {
        let level = arguments.level
        let legacyLevel = arguments.legacyLevel
        let trial = arguments.trial
        let gauge = arguments.gauge
        let requiredOld = arguments.requiredOld
        record("tune")
        return Deprecations(plain: level, old: legacyLevel, trial: trial, oldRequired: requiredOld, newGauge: gauge)
    }

    func condOn(_ arguments: Commands.CondOn.Arguments) async throws {
        record("cond-on")
    }

    func condNotAny(_ arguments: Commands.CondNotAny.Arguments) async throws {
        record("cond-not-any")
    }

    func condArgs(_ arguments: Commands.CondArgs.Arguments) async throws {
        record("cond-args", arguments)
    }

    func condBoxed(_ arguments: Commands.CondBoxed.Arguments) async throws -> CondUnion {
        record("cond-boxed", arguments)
        return CondUnion(note: arguments.beta, branch: .alpha(Circle(radius: Double(arguments.alpha))))
    }

    func condAlternate(_ arguments: Commands.CondAlternate.Arguments) async throws {
        let arg = arguments.arg
        record("cond-alternate", arg)
    }

    func takeAll(_ arguments: Commands.TakeAll.Arguments) async throws -> Scalars {
        let scalars = arguments.scalars
        let optional = arguments.optional
        let lists = arguments.lists
        let grid = arguments.grid
        let note = arguments.note
        let shape = arguments.shape
        let marker = arguments.marker
        let tiny = arguments.tiny
        let keywords = arguments.keywords
        let record = arguments.record
        let folder = arguments.folder
        let tree = arguments.tree
        let string = arguments.string
        let type = arguments.type
        let hashable = arguments.hashable
        let measurement = arguments.measurement
        let kwUnion = arguments.kwUnion
        let kwAlt = arguments.kwAlt
        let shadeOrLevel = arguments.shadeOrLevel
        let flagOrShade = arguments.flagOrShade
        let itemOrName = arguments.itemOrName
        let sizeOrList = arguments.sizeOrList
        let ranges = arguments.ranges
        let noFeatures = arguments.noFeatures
        let odd = arguments.odd
        let condFeatures = arguments.condFeatures
        let cond = arguments.cond
        let condUnion = arguments.condUnion
        let featureAlt = arguments.featureAlt
        let keywordEnum = arguments.keywordEnum
        let nothing = arguments.nothing
        let present = arguments.present
        let leftovers = arguments.leftovers
        let jsonObject = arguments.jsonObject
        let given: [(Swift.String, Bool)] = [
            ("optional", optional != nil), ("lists", lists != nil), ("grid", grid != nil), ("note", note != nil),
            ("shape", shape != nil), ("marker", marker != nil), ("tiny", tiny != nil), ("keywords", keywords != nil),
            ("record", record != nil), ("folder", folder != nil), ("tree", tree != nil), ("string", string != nil),
            ("type", type != nil), ("hashable", hashable != nil), ("measurement", measurement != nil),
            ("kw-union", kwUnion != nil), ("kw-alt", kwAlt != nil), ("shade-or-level", shadeOrLevel != nil),
            ("flag-or-shade", flagOrShade != nil), ("item-or-name", itemOrName != nil),
            ("size-or-list", sizeOrList != nil), ("ranges", ranges != nil), ("no-features", noFeatures != nil),
            ("odd", odd != nil), ("cond-features", condFeatures != nil), ("cond", cond != nil),
            ("cond-union", condUnion != nil), ("feature-alt", featureAlt != nil), ("keyword-enum", keywordEnum != nil),
            ("nothing", nothing != nil), ("present", present != nil), ("leftovers", leftovers != nil),
            ("json-object", jsonObject != nil),
        ]
        self.record("take-all " + given.filter(\.1).map(\.0).joined(separator: ","))
        // Members are constants: the answer is a new value, `s` changed.
        return Scalars(
            s: scalars.s + "!", i: scalars.i, i8: scalars.i8, i16: scalars.i16, i32: scalars.i32, i64: scalars.i64,
            u8: scalars.u8, u16: scalars.u16, u32: scalars.u32, u64: scalars.u64, sz: scalars.sz, num: scalars.num,
            flag: scalars.flag, nothing: scalars.nothing, blob: scalars.blob)
    }

    func subCommand(_ arguments: Commands.SubCommand.Arguments) async throws -> Leftovers {
        let origin = arguments.origin
        let `case` = arguments.`case`
        record("sub-command", origin)
        return Leftovers(kept: 1, forgotten: `case`?.rawValue)
    }

    func leafCount(_ arguments: Commands.LeafCount.Arguments) async throws -> Int64 {
        record("leaf-count")
        return 7
    }
}
