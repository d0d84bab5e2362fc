/// Converts number tokens into QNum-like values.
enum JSONNumberDecoder {
    /// An integer token: `.int` if it fits `Int64`, else `.uint` if it is
    /// non-negative and fits `UInt64`, else `.double`.
    static func integer(_ token: UnsafeBufferPointer<UInt8>) -> JSONValue {
        let negative = token[0] == UInt8(ascii: "-")
        var magnitude: UInt64 = 0
        var overflow = false
        for byte in UnsafeBufferPointer(rebasing: token[(negative ? 1 : 0)...]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
            if o1 || o2 {
                overflow = true
                break
            }
            magnitude = sum
        }
        if !overflow {
            if !negative { return .unsigned(magnitude) }
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
        }
        return float(token)
    }

    /// A float token (or an out-of-range integer): the nearest double,
    /// infinity when out of range, as C's `strtod` gives.
    static func float(_ token: UnsafeBufferPointer<UInt8>) -> JSONValue {
        .double(Double(String(decoding: token, as: UTF8.self)) ?? .nan)
    }
}
