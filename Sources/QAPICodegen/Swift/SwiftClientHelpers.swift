import QAPISchema

/// Emits the client's "done means done" helpers for schemas that follow
/// QEMU's conventions: deleting a device and waiting for
/// `DEVICE_DELETED`, and following a job through `JOB_STATUS_CHANGE` to
/// its end. Each subscribes to the event before it sends the command, so
/// an event that overtakes the answer is not missed. A schema without the
/// commands and events a helper needs (with the members it reads) does
/// not get that helper.
struct SwiftClientHelpers {
    let context: SwiftGenerationContext
    let commands: [QAPISchemaCommand]
    let events: [QAPISchemaEvent]

    func emit(into writer: inout SwiftCodeWriter) {
        if let deviceDel = command("device_del", members: ["id"]),
            let deleted = event("DEVICE_DELETED", members: ["device"])
        {
            emitDeleteDevice(deviceDel, deleted, into: &writer)
        }
        if let statusChange = event("JOB_STATUS_CHANGE", members: ["id", "status"]),
            let queryJobs = command("query-jobs", members: []), queryJobs.retType != nil,
            let dismiss = command("job-dismiss", members: ["id"])
        {
            emitRunJob(statusChange, queryJobs, dismiss, into: &writer)
        }
    }

    private func emitDeleteDevice(
        _ deviceDel: QAPISchemaCommand, _ deleted: QAPISchemaEvent, into writer: inout SwiftCodeWriter
    ) {
        let access = context.access
        let string = context.std("String")
        let command = "\(context.commandsName).\(SwiftCommandEmitter.namespaceName(deviceDel))"
        let event = "\(context.eventsName).\(SwiftEventEmitter.typeName(deleted))"
        writer.line()
        writer.docComment([
            "Asks QEMU to delete device `id` and returns once it is gone: when",
            "`DEVICE_DELETED` names it. The subscription starts before `device_del` is",
            "sent, so an event that arrives before the answer counts.",
            "",
            "- Parameters:",
            "  - id: The device's id.",
            "  - timeout: How long to wait for the answer and the event together.",
            "- Returns: The `DEVICE_DELETED` event.",
        ])
        writer.block(
            "\(access)func deleteDevice(id: \(string), timeout: \(context.std("Duration"))) async throws -> \(event) {"
        ) { writer in
            writer.line("let (_, event) = try await execute(")
            writer.line("    \(command).self, .init(id: id), thenWaitFor: \(event).self,")
            writer.line("    where: { $0.device == id }, timeout: timeout)")
            writer.line("return event")
        }
    }

    private func emitRunJob(
        _ statusChange: QAPISchemaEvent, _ queryJobs: QAPISchemaCommand, _ dismiss: QAPISchemaCommand,
        into writer: inout SwiftCodeWriter
    ) {
        let access = context.access
        let string = context.std("String")
        let event = "\(context.eventsName).\(SwiftEventEmitter.typeName(statusChange))"
        let jobs = queryJobs.retType.map(context.swiftType) ?? "[]"
        let element = String(jobs.dropFirst().dropLast())
        writer.line()
        writer.docComment([
            "Sends `command`, which starts job `jobID`, and follows the job through",
            "`JOB_STATUS_CHANGE` until it ends (`concluded`, or `null` when QEMU dismissed",
            "it by itself). A concluded job is read with `query-jobs` (its `error` says",
            "whether it failed) and then dismissed with `job-dismiss`. The subscription",
            "starts before the command is sent, so no status change is missed.",
            "",
            "- Parameters:",
            "  - command: The command that starts the job (`blockdev-create`, for example).",
            "  - arguments: Its arguments, which name the job `jobID`.",
            "  - jobID: The job's id.",
            "  - timeout: How long the whole may take: the command, the wait for the job's end, and",
            "    the final `query-jobs` and `job-dismiss`.",
            "- Returns: The job as `query-jobs` last showed it, or nil when QEMU dismissed it by itself.",
        ])
        writer.line("\(access)func runJob<Command: \(context.runtime("QMPInBandCommand"))>(")
        writer.line(
            "    _ command: Command.Type, _ arguments: Command.Arguments, jobID: \(string), timeout: \(context.std("Duration"))"
        )
        let methods = SwiftClientEmitter(context: context)
        let clock = context.std("ContinuousClock")
        writer.line(") async throws -> \(element)? {")
        writer.line("    let deadline = \(clock).now + timeout")
        writer.line("    _ = try await execute(")
        writer.line("        command, arguments, thenWaitFor: \(event).self,")
        writer.line(
            "        where: { $0.id == jobID && ($0.status == .concluded || $0.status == .null) }, timeout: timeout)")
        writer.line(
            "    let jobs = try await \(SwiftCommandEmitter.methodName(queryJobs))(\(methods.timeoutLabel(queryJobs)): deadline - \(clock).now)"
        )
        writer.line("    guard let job = jobs.first(where: { $0.id == jobID }) else { return nil }")
        writer.line("    if job.status == .concluded {")
        writer.line(
            "        try await \(SwiftCommandEmitter.methodName(dismiss))(id: jobID, \(methods.timeoutLabel(dismiss)): deadline - \(clock).now)"
        )
        writer.line("    }")
        writer.line("    return job")
        writer.line("}")
    }

    /// The command `name` when its arguments have `members`.
    private func command(_ name: String, members: [String]) -> QAPISchemaCommand? {
        guard let command = commands.first(where: { $0.name == name && !$0.boxed }) else { return nil }
        let names = command.argType.map { context.members(of: $0).map(\.name) } ?? []
        return members.allSatisfy(names.contains) ? command : nil
    }

    /// The event `name` when its data has `members`.
    private func event(_ name: String, members: [String]) -> QAPISchemaEvent? {
        guard let event = events.first(where: { $0.name == name && !$0.boxed }) else { return nil }
        let names = event.argType.map { context.members(of: $0).map(\.name) } ?? []
        return members.allSatisfy(names.contains) ? event : nil
    }
}
