/// The members of a JSON object, read by key for `JSONValueDecoder`. Every primitive is read
/// through `JSONValueDecoder.decode`, so each refusal carries its path and position the same way.
struct JSONKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONValueDecoder
    let members: [JSONMember]

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool {
        members.contains { $0.name == key.stringValue }
    }

    /// The value at `key`; an absent key is a failure at the object.
    private func value(forKey key: Key) throws(JSONDecodingFailure) -> JSONValue {
        guard let member = members.first(where: { $0.name == key.stringValue }) else {
            throw .missingKey(path: codingPath, name: key.stringValue, at: decoder.value.position)
        }
        return member.value
    }

    private func decoder(forKey key: Key) throws(JSONDecodingFailure) -> JSONValueDecoder {
        JSONValueDecoder(value: try value(forKey: key), codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try decoder(forKey: key).isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONValueDecoder.decode(type, from: try value(forKey: key), at: codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(forKey: key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(forKey: key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(forKey: key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(forKey: key).float() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(forKey: key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(forKey: key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(forKey: key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(forKey: key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(forKey: key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(forKey: key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(forKey: key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(forKey: key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(forKey: key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(forKey: key).integer(type) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        // "super" is the key JSON coders give a superclass's part; scenario types have none.
        guard let key = Key(stringValue: "super") else {
            throw JSONDecodingFailure.missingKey(path: codingPath, name: "super", at: decoder.value.position)
        }
        return try decoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(forKey: key)
    }
}
