extension KeyedDecodingContainer {
    /// The value at `key`, or nil when the key is absent. Unlike `decodeIfPresent`, a key that is
    /// there with `null` is an error: in a hand-typed scenario, `"learningRate": null` is a
    /// mistake to point out, not a request for the default.
    func decodeUnlessAbsent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(type, forKey: key)
    }
}
