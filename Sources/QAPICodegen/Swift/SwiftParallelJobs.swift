import Dispatch

/// Runs independent parts of the generator at the same time, on as many
/// threads as the machine has.
enum SwiftParallelJobs {
    /// `job(0)`, `job(1)`, … `job(count - 1)`, in index order, computed
    /// at once: each thread of Dispatch's pool takes the next index not yet
    /// taken, so a long job early in the list overlaps with many short ones
    /// after it.
    ///
    /// The schema model is made of classes the compiler cannot prove
    /// safe to share, so this is checked by hand: the jobs share no
    /// mutable state. They only read the checked schema, which nothing
    /// changes once it is built (its public API is read-only and it has no
    /// lazy or cached state), and the generation context, a value. Each
    /// job writes only its own slot of the results.
    static func map<Result>(count: Int, _ job: (Int) -> Result) -> [Result] {
        withoutActuallyEscaping(job) { job in
            nonisolated(unsafe) let job = job
            nonisolated(unsafe) var slots = [Result?](repeating: nil, count: count)
            slots.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    buffer[index] = job(index)
                }
            }
            return slots.map { slot in
                guard let slot else { preconditionFailure("a parallel job returned no result") }
                return slot
            }
        }
    }
}
