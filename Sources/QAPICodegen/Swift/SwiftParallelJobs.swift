import Dispatch

/// Runs two independent parts of the generator at the same time, on two
/// threads where the machine has them.
enum SwiftParallelJobs {
    /// The results of `first` and `second`, run at once: `second` on a
    /// thread of Dispatch's pool, `first` on the calling thread, which then
    /// waits for `second`.
    ///
    /// The schema model is made of classes the compiler cannot prove
    /// safe to share, so this is checked by hand: the two jobs share no
    /// mutable state. They only read the checked schema, which nothing
    /// changes once it is built (its public API is read-only and it has no
    /// lazy or cached state), and the generation context, a value.
    static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let second = second
            nonisolated(unsafe) var secondResult: Second?
            let done = DispatchGroup()
            DispatchQueue.global().async(group: done) { secondResult = second() }
            let firstResult = first()
            done.wait()
            guard let secondResult else { preconditionFailure("the second job returned") }
            return (firstResult, secondResult)
        }
    }
}
