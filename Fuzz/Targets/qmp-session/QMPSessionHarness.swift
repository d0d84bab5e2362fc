import QAPIRuntime
import QMPMonitor

/// Client bytes into a `QMPSession` served by the project's commands
/// (stand-in bodies, `StandInCommandHandler`): the payload of the input's
/// `ChunkPlan` arrives in the plan's chunks, and after each chunk the
/// dispatcher takes as many steps as the chunk's count, so requests run
/// while more input arrives (spec Q1, Q2, O2). A connection that closes
/// (`monitor-remove` of `self`) is opened again for the rest. At the end
/// the driver reads and dispatches until nothing is left. Every write
/// must be one well-formed QMP message (`checkMessage`), and the session
/// must never get stuck (see `SessionDriver`).
///
/// Flags: bit 0 offers `oob` (the monitor uses the I/O thread), bit 1
/// the pretty layout, bit 2 a machine not ready yet (`--preconfig`), bit
/// 3 the compat policy that rejects deprecated and unstable input, bit 4
/// a disconnection after the last chunk, while a request may be running
/// (its response must not be written, spec Q4).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQMPSession(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let plan = ChunkPlan(UnsafeBufferPointer(start: data, count: size))
    let version: JSONValue = ["qemu": ["major": 0, "minor": 1, "micro": 0], "package": "swift-qapi"]
    let compat = QAPICompatPolicy(rejectDeprecatedInput: plan.flag(3), rejectUnstableInput: plan.flag(3))
    var driver = SessionDriver(
        configuration: QMPSession.Configuration(version: version, usesIOThread: plan.flag(0), pretty: plan.flag(1)),
        policy: QMPDispatchPolicy(compat: compat, machineReady: !plan.flag(2)))
    driver.connect()
    for chunk in plan.chunks() {
        if !driver.isConnected { driver.connect() }
        driver.send(chunk.bytes)
        for _ in 0..<chunk.count {
            _ = driver.dispatch()
            _ = driver.read()
        }
    }
    if plan.flag(4) {
        driver.disconnect()
    }
    driver.drain()
    return 0
}
