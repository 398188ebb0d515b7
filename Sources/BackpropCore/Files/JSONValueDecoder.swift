/// A `Decoder` that reads `Decodable` types straight from a parsed `JSONValue`, so a scenario
/// file is decoded in one pass from the value that knows every line and column, with no text in
/// between and no other decoder's errors to interpret.
///
/// It is stricter than Foundation's `JSONDecoder` where a hand-typed file needs it: an object may
/// hold only keys its type names (`Key(stringValue:)` must accept every one), a number is read as
/// an integer only when it is whole and fits, and a number too large for a Double (1e999) is no
/// number at all. Every failure is a `JSONDecodingFailure` carrying its coding path and place in
/// the file; whatever a type's own `init(from:)` throws is wrapped as `.refused` at the value
/// that type was decoding.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Decodes a `T` from `value`, found at `path`.
    static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, at path: [any CodingKey] = []
    ) throws(JSONDecodingFailure) -> T {
        let decoder = JSONValueDecoder(value: value, codingPath: path)
        do {
            // Generic code (an Array's init(from:)) asks for its elements through the generic
            // method, so the primitive types are read here, as the typed methods would.
            switch type {
            case is Double.Type: return try decoder.double() as! T
            case is String.Type: return try decoder.string() as! T
            case is Bool.Type: return try decoder.bool() as! T
            case is Int.Type: return try decoder.integer(Int.self) as! T
            default: return try T(from: decoder)
            }
        } catch let failure as JSONDecodingFailure {
            throw failure
        } catch {
            throw .refused(path: path, found: value, reason: error)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value.content else { throw mismatch }
        if let unknown = members.first(where: { Key(stringValue: $0.name) == nil }) {
            throw JSONDecodingFailure.unknownKey(path: codingPath, name: unknown.name, at: unknown.namePosition)
        }
        return KeyedDecodingContainer(JSONKeyedDecodingContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value.content else { throw mismatch }
        return JSONUnkeyedDecodingContainer(codingPath: codingPath, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueDecodingContainer(decoder: self)
    }

    /// The failure for a value of the wrong type here.
    var mismatch: JSONDecodingFailure { .wrongType(path: codingPath, found: value) }

    var isNull: Bool { value.content == .null }

    func double() throws(JSONDecodingFailure) -> Double {
        guard case .number(let number) = value.content else { throw mismatch }
        return number
    }

    func string() throws(JSONDecodingFailure) -> String {
        guard case .string(let text) = value.content else { throw mismatch }
        return text
    }

    func bool() throws(JSONDecodingFailure) -> Bool {
        guard case .bool(let truth) = value.content else { throw mismatch }
        return truth
    }

    func float() throws(JSONDecodingFailure) -> Float {
        let number = try double()
        guard Float(number).isFinite else { throw mismatch }
        return Float(number)
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws(JSONDecodingFailure) -> Integer {
        guard let whole = Integer(exactly: try double()) else { throw mismatch }
        return whole
    }
}
