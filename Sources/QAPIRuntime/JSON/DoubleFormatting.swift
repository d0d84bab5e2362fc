#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Formats doubles the way QEMU's JSON writer does: C's `%.17g`.
enum DoubleFormatting {
    /// Appends `value` formatted with `%.17g` (for example `100`,
    /// `0.10000000000000001`, `1.8446744073709552e+19`, `-0`).
    ///
    /// QEMU prints `inf`/`nan` for non-finite values, which is not JSON;
    /// this writes `null` instead.
    static func append(_ value: Double, to output: inout [UInt8]) {
        guard value.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            let length = withVaList([value]) { arguments in
                vsnprintf(buffer.baseAddress, 40, "%.17g", arguments)
            }
            let count = Int(max(0, min(length, 39)))
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<count]))
            }
        }
    }
}
