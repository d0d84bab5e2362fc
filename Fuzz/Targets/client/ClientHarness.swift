import Dispatch
import QAPIRuntime
import QMPClient
import QMPMonitorSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Server bytes into a `QMPConnection`: the payload of the input's
/// `ChunkPlan` is what a server writes, in the plan's chunks, and then the
/// server closes. The client connects, negotiates, makes typed calls
/// (replies decoded into the generated types of `qapi/`), one
/// out-of-band call when out-of-band execution is on, one untyped call,
/// and reads the events as the generated `Event` set.
///
/// Properties: connecting and every call end with a value or with the
/// client's own errors (`QMPClientError`, `QMPCommandError`), never
/// anything else; every call and the event stream end once the server
/// closed (no hang: the harness waits 5 s at most, libFuzzer 10 s); no
/// crash, no leak.
///
/// Flags: bit 0 writes a well-formed greeting (offering `oob`) and answers
/// `qmp_capabilities` before the payload, after reading the client's
/// requests, so that the payload meets calls on the wire; without it the
/// payload is all the server says. Bit 1 asks for out-of-band execution.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClient(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let plan = ChunkPlan(UnsafeBufferPointer(start: data, count: size))
    let done = DispatchSemaphore(value: 0)
    let path = server.path
    let options = QMPConnection.Options(enableOutOfBand: plan.flag(1), connectTimeout: .seconds(5))
    Task {
        await runClient(at: path, options: options)
        done.signal()
    }
    let connection = server.accept()
    if plan.flag(0) {
        ScriptedServer.send(greeting.utf8, to: connection)
        ScriptedServer.readLines(1, from: connection, waitingAtMost: 1000)
        ScriptedServer.send(#"{"return": {}, "id": 1}"#.utf8 + [13, 10], to: connection)
        ScriptedServer.readLines(callCount(outOfBand: plan.flag(1)), from: connection, waitingAtMost: 100)
    }
    for chunk in plan.chunks() {
        ScriptedServer.send(chunk.bytes, to: connection)
    }
    shutdown(connection, Int32(SHUT_WR))
    fuzzCheck(done.wait(timeout: .now() + 5) == .success, "the client did not finish after the server closed")
    close(connection)
    return 0
}

/// The listener, made at the first run.
private let server = ScriptedServer.listening()

/// A greeting offering out-of-band execution.
private let greeting =
    #"{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}}"#
    + "\r\n"

/// How many requests `runClient` puts on the wire after the negotiation.
private func callCount(outOfBand: Bool) -> Int {
    outOfBand ? 5 : 4
}

/// Connects, calls, and reads events until the connection ends.
private func runClient(at path: String, options: QMPConnection.Options) async {
    let connection: QMPConnection
    do {
        connection = try await QMPConnection.connect(to: .unix(path: path), options: options)
    } catch {
        fuzzCheck(error is QMPClientError, "connect threw \(type(of: error)): \(error)")
        return
    }
    let events = Task {
        do {
            for try await event in connection.events(as: Event.self) { _ = event }
        } catch {
            fuzzCheck(error is QMPClientError, "the event stream threw \(type(of: error)): \(error)")
        }
    }
    await withTaskGroup(of: Void.self) { group in
        group.addTask { await expectClientOutcome { _ = try await connection.execute(Commands.QueryVersion.self) } }
        group.addTask { await expectClientOutcome { _ = try await connection.execute(Commands.QueryStatus.self) } }
        group.addTask { await expectClientOutcome { _ = try await connection.execute(Commands.QueryChardev.self) } }
        group.addTask { await expectClientOutcome { _ = try await connection.execute("query-commands") } }
        if connection.isOutOfBandEnabled {
            group.addTask {
                await expectClientOutcome { _ = try await connection.outOfBand.execute(Commands.QueryYank.self) }
            }
        }
    }
    await events.value
    await connection.close()
}

/// Runs `call`; a failure must be one of the client's own errors.
private func expectClientOutcome(_ call: () async throws -> Void) async {
    do {
        try await call()
    } catch {
        fuzzCheck(
            error is QMPClientError || error is QMPCommandError, "a call threw \(type(of: error)): \(error)")
    }
}
