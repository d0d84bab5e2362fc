/// How a harness splits its input, read from the input's first bytes so
/// that libFuzzer mutates the split together with the data.
///
/// Byte 0: bits 0–2 give `n`, the number of step bytes that follow;
/// bits 3–7 are `flags` (0–31) whose meaning is the harness's. Then come
/// `n` step bytes, then the payload. A step byte gives a chunk length
/// (`byte >> 2`, 0 to 63: an empty chunk is a valid feed too) and a count
/// (`byte & 3`) the harness may use for other choices. The steps repeat
/// until the payload is used up. With no step byte the payload goes one
/// byte at a time; when every length is 0, every length counts as 1.
///
/// Hand-written seeds start with a printable byte: `0` (0x30) is flags 6
/// and no step byte (one byte at a time); `1` (0x31) is flags 6 and one
/// step byte, for example `<` (0x3C: 15 bytes a step, count 0).
struct ChunkPlan {
    /// One step of the plan.
    struct Step {
        /// How many payload bytes this step feeds.
        var length: Int
        /// A small number (0–3) for the harness's own use.
        var count: Int
    }

    /// The harness's flag bits (0–31).
    let flags: UInt8
    /// The steps, repeated until the payload is used up; never empty.
    let steps: [Step]
    /// The bytes to feed.
    let payload: [UInt8]

    /// The plan at the front of `input`.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        guard let header = input.first else {
            flags = 0
            steps = [Step(length: 1, count: 0)]
            payload = []
            return
        }
        let stepCount = min(Int(header & 7), input.count - 1)
        flags = header >> 3
        var steps = input[1..<(1 + stepCount)].map { Step(length: Int($0 >> 2), count: Int($0 & 3)) }
        if steps.allSatisfy({ $0.length == 0 }) {
            steps = (steps.isEmpty ? [Step(length: 1, count: 0)] : steps.map { Step(length: 1, count: $0.count) })
        }
        self.steps = steps
        payload = Array(input[(1 + stepCount)...])
    }

    /// Whether flag bit `bit` (0–4) is set.
    func flag(_ bit: Int) -> Bool {
        flags & (1 << bit) != 0
    }

    /// The payload cut into the plan's chunks, each with its step's count.
    func chunks() -> [(bytes: ArraySlice<UInt8>, count: Int)] {
        var chunks: [(bytes: ArraySlice<UInt8>, count: Int)] = []
        var offset = 0
        var index = 0
        while offset < payload.count {
            let step = steps[index % steps.count]
            let end = min(offset + step.length, payload.count)
            chunks.append((payload[offset..<end], step.count))
            offset = end
            index += 1
        }
        return chunks
    }
}
