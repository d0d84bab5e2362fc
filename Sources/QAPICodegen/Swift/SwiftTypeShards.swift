/// Spreads the schema's types over the fixed number of type files, in
/// schema order, about the same size each, so that the compiler can work
/// on them in parallel (one file per frontend job in debug builds); each
/// file keeps its types' codec in its own support section.
enum SwiftTypeShards {
    /// One type: the module it comes from, its declaration and its codec.
    struct Chunk {
        let module: String
        let declaration: [UInt8]
        let support: [UInt8]
    }

    /// The text of `count` files, each opened by `header()`, holding
    /// consecutive runs of `chunks`; a mark names the module wherever it
    /// changes. The files are put together at the same time, by parallel
    /// jobs.
    static func distribute(_ chunks: [Chunk], count: Int, header: () -> SwiftCodeWriter) -> [String] {
        let total = chunks.reduce(0) { $0 + $1.declaration.count + $1.support.count }
        var shards: [[Chunk]] = Array(repeating: [], count: count)
        var shard = 0
        var filled = 0
        for chunk in chunks {
            let size = chunk.declaration.count + chunk.support.count
            // Move on once this shard holds its share of everything so far.
            if shard < count - 1, !shards[shard].isEmpty, (filled + size / 2) * count > total * (shard + 1) {
                shard += 1
            }
            shards[shard].append(chunk)
            filled += size
        }
        return SwiftParallelJobs.map(count: count) { index in
            let chunks = shards[index]
            var writer = header()
            var support = SwiftCodeWriter()
            let declarations = chunks.reduce(0) { $0 + $1.declaration.count + 64 }
            let supports = chunks.reduce(0) { $0 + $1.support.count }
            writer.reserveCapacity(declarations + supports + 256)
            support.reserveCapacity(supports)
            var module: String?
            for chunk in chunks {
                if chunk.module != module {
                    writer.line()
                    writer.line("// MARK: - \(chunk.module)")
                    module = chunk.module
                }
                writer.line()
                writer.appendRaw(chunk.declaration)
                support.appendRaw(chunk.support)
            }
            support.append(to: &writer)
            return writer.text
        }
    }
}
