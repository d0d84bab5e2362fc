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

    func ping() throws(QMPError) { record("ping") }

    func pingEmpty() throws(QMPError) { record("ping-empty") }

    func addTool(tool: Tool, note: Swift.String?) throws(QMPError) -> Item {
        record("add-tool " + wire(tool) + " " + (note ?? "-"))
        return Item(label: note ?? tool.id, branch: .tool(tool))
    }

    func inspect(id: Swift.String, weight: UInt32, shade: Shade?) throws(QMPError) -> Tool {
        record("inspect \(id) \(weight) \(shade?.rawValue ?? "-")")
        return Tool(id: id.uppercased(), weight: weight * 2, shade: shade ?? .light)
    }

    func inspectBlank() throws(QMPError) -> BlankToo {
        record("inspect-blank")
        return BlankToo()
    }

    func inspectBoxed(_ arguments: Commands.InspectBoxed.Arguments) throws(QMPError) -> [Tool] {
        record("inspect-boxed", arguments)
        return [Tool(id: arguments.id, weight: arguments.weight), Tool(id: "motor", weight: UInt32(arguments.watts))]
    }

    func store(_ arguments: Commands.Store.Arguments) throws(QMPError) {
        record("store", arguments)
        if arguments.label == "full" { throw .generic("The shelf is full") }
    }

    func storeBlank(_ arguments: Commands.StoreBlank.Arguments) throws(QMPError) {
        record("store-blank", arguments)
    }

    func countItems(kind: ItemKind?) throws(QMPError) -> Int64 {
        record("count-items \(kind?.rawValue ?? "-")")
        return kind == nil ? 3 : -1
    }

    func echoAny(value: JSONValue) throws(QMPError) -> JSONValue {
        record("echo-any " + JSONWriter().string(value))
        return value
    }

    func listLabels() throws(QMPError) -> [Swift.String] {
        record("list-labels")
        return ["red", "blue"]
    }

    func pickSetting(setting: Setting) throws(QMPError) -> Setting {
        record("pick-setting", setting)
        return setting
    }

    func measure(shape: Shape, scale: Double?) throws(QMPError) -> Double {
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

    func fireAndForget(tag: Swift.String) throws(QMPError) {
        record("fire-and-forget \(tag)")
        if tag == "fail" { throw QMPError(.deviceNotFound, "No target for tag fail") }
    }

    func interrupt(reason: Swift.String?) throws(QMPError) {
        record("interrupt \(reason ?? "-")")
    }

    func earlySetup() throws(QMPError) { record("early-setup") }

    func oobAnytime() throws(QMPError) -> Stock {
        record("oob-anytime")
        return Stock(amount: 0.5)
    }

    func slowSum(values: [Int64]) async throws(QMPError) -> Stock {
        await Task.yield()
        record("slow-sum \(values)")
        return Stock(amount: Double(values.reduce(0, +)))
    }

    func slowBoxed(_ arguments: Commands.SlowBoxed.Arguments) async throws(QMPError) {
        await Task.yield()
        record("slow-boxed", arguments)
        if arguments.branch == .empty { throw .generic("An empty note cannot be slow") }
    }

    func `import`(
        `in`: Swift.String, self_: Int64, `default`: Bool, `inout`: Int64?, `var`: Int64?, `let`: Int64?, type: Shade?,
        `class`: Swift.String?, `protocol`: Protocol_?, init_: Int64?
    ) throws(QMPError) -> Keywords {
        record("import")
        return Keywords(
            default: self_, protocol: `protocol`?.rawValue ?? "-", class: `default`, in: init_ ?? 0, self_: `in`,
            type: type ?? .light, init_: `inout` ?? 0, var: `var`, let: `let`, async: `class`)
    }

    func self_() throws(QMPError) { record("self") }

    func legacyPing() throws(QMPError) { record("legacy_ping") }

    func orgExampleFrob(
        a: [__org_example_Enum], b: [__org_example_Struct], c: __org_example_Union, d: __org_example_Alt,
        e: __org_example_Only?
    ) throws(QMPError) {
        record("frob " + wire(a) + " " + wire(b) + " " + wire(c) + " " + wire(d) + " " + (e.map { wire($0) } ?? "-"))
    }

    func oldWay() throws(QMPError) { record("old-way") }

    func newWay() throws(QMPError) { record("new-way") }

    func bothWays() throws(QMPError) { record("both-ways") }

    func noFeatures() throws(QMPError) { record("no-features") }

    func condFeatures() throws(QMPError) { record("cond-features") }

    func tune(level: Int64, legacyLevel: Int64?, trial: Swift.String?, gauge: Gauge?, requiredOld: Int64) throws(QMPError) -> Deprecations {
        record("tune")
        return Deprecations(plain: level, old: legacyLevel, trial: trial, oldRequired: requiredOld, newGauge: gauge)
    }

    func condOn() throws(QMPError) { record("cond-on") }

    func condNotAny() throws(QMPError) { record("cond-not-any") }

    func condArgs(_ arguments: Commands.CondArgs.Arguments) throws(QMPError) { record("cond-args", arguments) }

    func condBoxed(_ arguments: Commands.CondBoxed.Arguments) throws(QMPError) -> CondUnion {
        record("cond-boxed", arguments)
        return CondUnion(note: arguments.beta, branch: .alpha(Circle(radius: Double(arguments.alpha))))
    }

    func condAlternate(arg: CondAlternate) throws(QMPError) { record("cond-alternate", arg) }

    func takeAll(
        scalars: Scalars, optional: OptionalScalars?, lists: Lists?, grid: Grid?, note: Note?, shape: Shape?,
        marker: Marker?, tiny: Tiny?, keywords: Keywords?, record: LegacyRecord?, folder: Folder?, tree: Tree?,
        string: String?, type: Type_?, hashable: Hashable?, measurement: Measurement?, kwUnion: KeywordUnion?,
        kwAlt: KeywordAlternate?, shadeOrLevel: ShadeOrLevel?, flagOrShade: FlagOrShade?, itemOrName: ItemOrName?,
        sizeOrList: SizeOrRows?, ranges: Ranges?, noFeatures: NoFeatures?, odd: OddFeatures?,
        condFeatures: CondFeatures?, cond: CondStruct?, condUnion: CondUnion?, featureAlt: FeatureAlternate?,
        keywordEnum: Keyword?, nothing: Nothing?, present: PresentEnum?, leftovers: Leftovers?,
        jsonObject: JSONObject?
    ) throws(QMPError) -> Scalars {
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
        var result = scalars
        result.s = scalars.s + "!"
        return result
    }

    func subCommand(origin: Origin, `case`: WireCase?) throws(QMPError) -> Leftovers {
        record("sub-command", origin)
        return Leftovers(kept: 1, forgotten: `case`?.rawValue)
    }

    func leafCount() throws(QMPError) -> Int64 {
        record("leaf-count")
        return 7
    }
}
