extension String {
    /// Calls `body` with the string's UTF-8 bytes in contiguous memory:
    /// the string's own storage when it keeps them that way (native Swift
    /// strings do), otherwise that of a native copy. A scan of these bytes
    /// costs a fraction of one through the generic `utf8` view.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = self
        return try text.withUTF8(body)
    }
}
