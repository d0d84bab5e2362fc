extension Array: QAPIDecodable where Element: QAPIDecodable {
    /// Reads a list: `Invalid parameter type for 'FULL', expected: array`
    /// for anything but an array; element errors name the element
    /// `name[i]` in full paths and `null` in short ones.
    @inlinable
    public init(qapi decoder: QAPIDecoder) throws(QAPIDecodingError) {
        guard case .array(let elements) = decoder.value else { throw .invalidType(expected: "array") }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                result.append(try Element.qapiDecode(element, at: .index(index), in: decoder))
            } catch {
                throw error.within(.index(index))
            }
        }
        self = result
    }
}

extension Array: QAPIEncodable where Element: QAPIEncodable {
    /// The elements, in order.
    @inlinable
    public func qapiEncoded() -> JSONValue { .array(map { $0.qapiEncoded() }) }
}
