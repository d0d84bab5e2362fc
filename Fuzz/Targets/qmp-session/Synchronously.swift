import Dispatch
import QAPIRuntime

/// Runs `body` in a task and waits for its result, blocking this thread
/// (libFuzzer's, not one of the concurrency pool's). The task starts at
/// once on this thread (`Task.immediate`), and as the stand-in commands
/// never wait on anything, it normally ends before this function waits.
func synchronously<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
    let result = QAPILock<Value?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.immediate {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}
